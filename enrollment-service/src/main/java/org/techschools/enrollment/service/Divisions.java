package org.techschools.enrollment.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * <p>
 * ID numbers keep the code in force when they were issued, so {@code divisions/gb2260-history.csv} adds the prefectures
 * withdrawn since 1980 with their period and successor (README.md beside the data names the sources).
 */
@ApplicationScoped
public class Divisions {

    private final Map<String, String> names = new TreeMap<>();
    /** Provinces whose prefectures are listed; computed once because every intake checks two region codes. */
    private final Set<String> provincesWithPrefectures = new HashSet<>();
    /** Withdrawn prefectures by code: a code reused later has one period per use. */
    private final Map<String, List<Withdrawn>> withdrawn = new HashMap<>();

    /**
     * A prefecture no longer in force.
     *
     * @param validUntil the year it was withdrawn
     * @param successor  today's prefecture that took it over, or null
     */
    record Withdrawn(String code, int validUntil, String successor) {
    }

    public Divisions() {
        read("gb2260.csv").forEach(cells -> names.put(cells.get(0), cells.get(1)));
        names.keySet().stream().filter(code -> !code.endsWith("0000")).map(Regions::province).forEach(provincesWithPrefectures::add);
        read("gb2260-history.csv").forEach(cells -> withdrawn.computeIfAbsent(cells.get(0), code -> new ArrayList<>())
                .add(new Withdrawn(cells.get(0), Integer.parseInt(cells.get(3)), cells.get(4).isEmpty() ? null : cells.get(4))));
    }

    /** The data lines of a shipped division file: notes (#) and the header skipped. */
    private static List<List<String>> read(String file) {
        try (InputStream in = Divisions.class.getResourceAsStream("/divisions/" + file)) {
            return Csv.records(new String(in.readAllBytes(), StandardCharsets.UTF_8)).stream().map(Csv.Record::cells)
                    .filter(cells -> !cells.get(0).startsWith("#")).skip(1).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read divisions/" + file, e);
        }
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

    /**
     * Whether the region prefix of an ID number held by someone born on {@code birthDate} names a division: one in force
     * today, or a prefecture withdrawn no earlier than the birth year. An ID is issued at or after birth (often at 16)
     * and keeps the code in force then, so a code valid at any time since birth is genuine — 3414 巢湖 (1999–2011) on
     * the ID of someone born in 1990 — while one withdrawn before birth cannot be. Without a birth date only today's
     * divisions count.
     */
    public boolean isIdRegion(String prefix, LocalDate birthDate) {
        return isRealRegion(prefix) || withdrawnSince(prefix, birthDate) != null;
    }

    /**
     * The city (地级) of today's divisions an ID number's region prefix belongs to, for someone born on {@code birthDate}:
     * its own prefecture while in force, else the successor of the withdrawn one (3414 巢湖 → 340100 合肥); null where
     * neither is known.
     */
    public String currentCity(String prefix, LocalDate birthDate) {
        if (isRealRegion(prefix)) {
            return Regions.city(prefix);
        }
        Withdrawn w = withdrawnSince(prefix, birthDate);
        return w == null ? null : w.successor();
    }

    /** The earliest period of the prefix's withdrawn prefecture that lasted into the birth year, or null. */
    private Withdrawn withdrawnSince(String prefix, LocalDate birthDate) {
        if (prefix == null || birthDate == null || !prefix.matches("\\d{6}") || !isProvince(Regions.province(prefix))) {
            return null;
        }
        return withdrawn.getOrDefault(Regions.city(prefix), List.of()).stream()
                .filter(w -> w.validUntil() >= birthDate.getYear()).min(Comparator.comparingInt(Withdrawn::validUntil))
                .orElse(null);
    }

    /** Every province (省级行政区) code, in code order. */
    public List<String> provinces() {
        return names.keySet().stream().filter(this::isProvince).toList();
    }

    /** The provinces of the mainland (those whose prefectures are listed: all but 台湾, 香港, 澳门), in code order. */
    public List<String> mainlandProvinces() {
        return provinces().stream().filter(provincesWithPrefectures::contains).toList();
    }

    public String name(String code) {
        return names.get(code);
    }
}
