package org.techschools.commons.security;

/** GB/T 2260 division codes: 330000 is a province, 330100 a city of it, 330102 a district. */
public final class Regions {

    private Regions() {
    }

    public static String province(String code) {
        return code == null || code.length() < 2 ? code : code.substring(0, 2) + "0000";
    }

    public static String city(String code) {
        return code == null || code.length() < 4 ? code : code.substring(0, 4) + "00";
    }

    /** Whether the code names a whole province (330000) rather than a city or district of it. */
    public static boolean isProvince(String code) {
        return code != null && code.length() == 6 && code.endsWith("0000");
    }
}
