package org.techschools.enrollment.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.techschools.commons.security.Regions;

/**
 * GB/T 2260 administrative divisions shipped as data ({@code divisions/gb2260.csv}): every province, and
 * the cities of the provinces listed in full. A code is real when its province is listed and, where that
 * province's cities are listed, its city is too.
 */
@ApplicationScoped
public class Divisions {

    private final Map<String, String> names = new TreeMap<>();

    public Divisions() {
        try (InputStream in = getClass().getResourceAsStream("/divisions/gb2260.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().skip(1).map(line -> line.split(",")).forEach(parts -> names.put(parts[0], parts[1]));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read divisions/gb2260.csv", e);
        }
    }

    public boolean isProvince(String code) {
        return code != null && code.matches("\\d{2}0000") && names.containsKey(code);
    }

    /** A city code of the given province (for provinces whose cities are listed, the city must be listed). */
    public boolean isCityOf(String cityCode, String provinceCode) {
        if (cityCode == null || !cityCode.matches("\\d{4}00") || cityCode.endsWith("0000") || !isProvince(provinceCode)
                || !Regions.province(cityCode).equals(provinceCode)) {
            return false;
        }
        return !citiesListed(provinceCode) || names.containsKey(cityCode);
    }

    /** Whether a 6-digit region prefix (of an ID number, or an origin region) names a real division. */
    public boolean isRealRegion(String code) {
        if (code == null || !code.matches("\\d{6}")) {
            return false;
        }
        String province = Regions.province(code);
        if (!isProvince(province)) {
            return false;
        }
        String city = Regions.city(code);
        return city.equals(province) || !citiesListed(province) || names.containsKey(city);
    }

    /** Every province (省级行政区) code, in code order. */
    public List<String> provinces() {
        return names.keySet().stream().filter(this::isProvince).toList();
    }

    public String name(String code) {
        return names.get(code);
    }

    private boolean citiesListed(String provinceCode) {
        String prefix = provinceCode.substring(0, 2);
        return names.keySet().stream().anyMatch(c -> c.startsWith(prefix) && !c.endsWith("0000"));
    }
}
