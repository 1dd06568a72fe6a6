package org.techschools.enrollment.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.techschools.commons.csv.Csv;
import org.techschools.commons.security.Regions;

/**
 * GB/T 2260 行政区划代码 shipped as data ({@code divisions/gb2260.csv}): every province-level division and every
 * prefecture-level division (地级) of the mainland. A code is real when its province is listed and, where that
 * province's prefectures are listed (all but 台湾, 香港, 澳门), its prefecture is too.
 */
@ApplicationScoped
public class Divisions {

    private final Map<String, String> names = new TreeMap<>();
    /** Provinces whose prefectures are listed; computed once because every intake checks two region codes. */
    private final Set<String> provincesWithPrefectures = new HashSet<>();

    public Divisions() {
        try (InputStream in = getClass().getResourceAsStream("/divisions/gb2260.csv")) {
            Csv.records(new String(in.readAllBytes(), StandardCharsets.UTF_8)).stream().map(Csv.Record::cells)
                    .filter(cells -> !cells.get(0).startsWith("#")).skip(1).forEach(cells -> names.put(cells.get(0), cells.get(1)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read divisions/gb2260.csv", e);
        }
        names.keySet().stream().filter(code -> !code.endsWith("0000")).map(Regions::province).forEach(provincesWithPrefectures::add);
    }

    public boolean isProvince(String code) {
        return code != null && code.length() == 6 && code.endsWith("0000") && names.containsKey(code);
    }

    /** A city code of the given province (for provinces whose cities are listed, the city must be listed). */
    public boolean isCityOf(String cityCode, String provinceCode) {
        if (cityCode == null || !cityCode.matches("\\d{4}00") || cityCode.endsWith("0000") || !isProvince(provinceCode)
                || !Regions.province(cityCode).equals(provinceCode)) {
            return false;
        }
        return !provincesWithPrefectures.contains(provinceCode) || names.containsKey(cityCode);
    }

    /** Whether a 6-digit region prefix (of an ID number, or an origin region) names a real division. */
    public boolean isRealRegion(String code) {
        if (code == null || code.length() != 6 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        String province = Regions.province(code);
        if (!isProvince(province)) {
            return false;
        }
        String city = Regions.city(code);
        return city.equals(province) || !provincesWithPrefectures.contains(province) || names.containsKey(city);
    }

    /** Every province (省级行政区) code, in code order. */
    public List<String> provinces() {
        return names.keySet().stream().filter(this::isProvince).toList();
    }

    public String name(String code) {
        return names.get(code);
    }
}
