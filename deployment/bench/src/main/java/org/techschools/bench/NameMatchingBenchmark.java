package org.techschools.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.techschools.commons.domain.Gender;
import org.techschools.registration.service.LookalikeKeys;
import org.techschools.registration.service.NameSimilarity;

/**
 * Fuzzy recall and false alarms of the PROBABLE_DUPLICATE check (issue 22, item 8), with the service's own code
 * (NameSimilarity, LookalikeKeys, the 0.85 threshold) and no platform: N ACTIVE 学籍 of a generated intake (NameStock:
 * weighted surnames and given names, 复姓, minority names with separators, 繁体 spellings; birth dates over four years,
 * 6 in 10 male) are indexed by lookalike key in memory, as registration.lookalike_keys is, then
 * <ul>
 * <li>CLEAN new people (other ID numbers, names and birth dates drawn alike) are checked: every match is an alert an
 * auditor would work — namesakes born the same day included, which no check can tell from a second identity;</li>
 * <li>RESPELLED people of the registry enroll again under another ID number with their name typed otherwise — in 繁体,
 * with another separator or a full-width space, with a homophone (other tone too) in the given name — and must be
 * found: recall per way of typing.</li>
 * </ul>
 * The goal: every respelled person found. False alarms have no goal: they are reported per 10,000 clean enrollments.
 */
final class NameMatchingBenchmark {

    private static final double THRESHOLD = 0.85;
    private static final LocalDate FIRST_BIRTH = LocalDate.of(2006, 9, 1);
    private static final int BIRTH_DAYS = 4 * 365 + 1;
    /** Common given-name characters and the alternatives typed for them. */
    private static final String HOMOPHONE_STOCK = "伟玮炜韦威薇维卫巍微为唯惟芳方放坊昉娜纳敏民闽岷静晶婧靖京菁丽莉俐黎立力利强蔷磊蕾垒"
            + "洋杨阳扬旸勇永咏涌艳燕彦雁焱杰洁捷婕劼涛韬滔陶桃明鸣铭茗超潮朝秀绣琇霞夏峡平萍评屏刚钢罡岗红宏鸿虹弘华桦骅婷亭庭霆"
            + "琪琦奇淇祺佳嘉家珈浩昊皓灏豪然冉子紫梓姿晨辰宸琛欣馨新心鑫怡宜仪颐依思斯丝诗瑶遥珧倩茜芊颖莹盈营慧惠蕙卉娟涓鹃苹玲"
            + "琳林麟霖凌宁凝柠英莺樱鹰玉钰裕煜雨宇语羽禹文雯闻纹海凯恺楷锴军君俊峻骏浚";

    private enum Respelling {
        TRADITIONAL, SEPARATOR, HOMOPHONE
    }

    private final NameSimilarity names = new NameSimilarity();
    private final NameStock.Homophones homophones = new NameStock.Homophones(HOMOPHONE_STOCK, false);

    private String[] name;
    private int[] birthDay;
    private boolean[] male;
    private final Map<Long, int[]> byKey = new HashMap<>();

    boolean run(int registry, int clean, int respelled) {
        System.out.printf("name-matching: %,d ACTIVE 学籍 (birth dates over %,d days, 6 in 10 male), %,d clean enrollments,"
                + " %,d respelled; threshold %.2f%n", registry, BIRTH_DAYS, clean, respelled, THRESHOLD);
        long started = System.nanoTime();
        load(registry);
        System.out.printf("  registry indexed by lookalike key in %.1f s (%,d keys)%n", (System.nanoTime() - started) / 1e9,
                byKey.size());

        SplittableRandom r = new SplittableRandom(22);
        Map<String, Integer> alertsByKind = new TreeMap<>();
        int alerts = 0;
        int flagged = 0;
        long checking = System.nanoTime();
        for (int i = 0; i < clean; i++) {
            int day = r.nextInt(BIRTH_DAYS);
            boolean isMale = r.nextInt(10) < 6;
            String newName = NameStock.name(r);
            List<NameSimilarity.Match> matches = check(newName, day, isMale, -1);
            matches.forEach(m -> alertsByKind.merge(m.kind(), 1, Integer::sum));
            alerts += matches.size();
            flagged += matches.isEmpty() ? 0 : 1;
        }
        double microsPerCheck = (System.nanoTime() - checking) / 1e3 / Math.max(1, clean);

        Map<Respelling, int[]> recall = new EnumMap<>(Respelling.class); // {tried, found}
        for (Respelling way : Respelling.values()) {
            recall.put(way, new int[2]);
        }
        int attempts = 0;
        while (recall.values().stream().mapToInt(c -> c[0]).sum() < respelled && attempts++ < respelled * 50) {
            int person = r.nextInt(registry);
            Respelling way = Respelling.values()[r.nextInt(Respelling.values().length)];
            String typed = respell(r, name[person], way);
            if (typed == null) {
                continue;
            }
            recall.get(way)[0]++;
            if (!check(typed, birthDay[person], male[person], person).isEmpty()) {
                recall.get(way)[1]++;
            }
        }

        System.out.printf("  clean: %,d alerts on %,d of %,d enrollments = %.1f PROBABLE_DUPLICATE alerts per 10,000 clean"
                + " enrollments (%.1f enrollments flagged per 10,000)%n", alerts, flagged, clean, alerts * 10_000.0 / clean,
                flagged * 10_000.0 / clean);
        Map<String, String> kinds = new LinkedHashMap<>();
        alertsByKind.forEach((kind, n) -> kinds.put(kind, String.format("%,d", n)));
        System.out.println("  clean alerts by kind of name match: " + kinds);
        System.out.printf("  one check: %.1f µs (lookup of its keys, cheap test, full comparison)%n", microsPerCheck);
        boolean met = true;
        System.out.println("  recall (a registry person again under another ID, name typed otherwise):");
        for (Map.Entry<Respelling, int[]> e : recall.entrySet()) {
            int[] c = e.getValue();
            System.out.printf("    %-12s %,7d tried  %,7d found  %6.2f %%%n", e.getKey().name().toLowerCase(), c[0], c[1],
                    c[0] == 0 ? 0.0 : c[1] * 100.0 / c[0]);
            met &= c[0] > 0 && c[1] == c[0];
        }
        System.out.println(met ? "  goal met: every respelled person found" : "  GOAL MISSED: a respelled person was not found");
        return met;
    }

    private void load(int registry) {
        name = new String[registry];
        birthDay = new int[registry];
        male = new boolean[registry];
        Map<Long, List<Integer>> lists = new HashMap<>();
        for (int i = 0; i < registry; i++) {
            SplittableRandom r = new SplittableRandom(1_000_003L * i);
            birthDay[i] = r.nextInt(BIRTH_DAYS);
            male[i] = r.nextInt(10) < 6;
            name[i] = NameStock.name(r);
            for (long key : keys(name[i], birthDay[i], male[i])) {
                lists.computeIfAbsent(key, k -> new ArrayList<>(2)).add(i);
            }
        }
        lists.forEach((key, people) -> byKey.put(key, people.stream().mapToInt(Integer::intValue).toArray()));
    }

    private long[] keys(String personName, int day, boolean isMale) {
        return LookalikeKeys.of(names, FIRST_BIRTH.plusDays(day), isMale ? Gender.MALE : Gender.FEMALE, personName);
    }

    /**
     * What the service's check does for a new 学籍: the 学籍 sharing one of its lookalike keys, the cheap test, then the
     * full comparison against the threshold. {@code original} is the registry person this one was typed from (−1: none).
     */
    private List<NameSimilarity.Match> check(String newName, int day, boolean isMale, int original) {
        NameSimilarity.Prepared prepared = names.prepare(newName);
        List<NameSimilarity.Match> matches = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (long key : keys(newName, day, isMale)) {
            for (int other : byKey.getOrDefault(key, new int[0])) {
                if (!seen.add(other) || birthDay[other] != day || male[other] != isMale || !prepared.mayMatch(name[other])) {
                    continue;
                }
                NameSimilarity.Match match = prepared.compareWith(name[other]);
                if (match.score() >= THRESHOLD && (original < 0 || other == original)) {
                    matches.add(match);
                }
            }
        }
        return matches;
    }

    /** The name as another school system would type it, or null when this way does not apply to it. */
    private String respell(SplittableRandom r, String original, Respelling way) {
        String typed = switch (way) {
            case TRADITIONAL -> NameStock.traditional(original);
            case SEPARATOR -> {
                int dot = firstSeparator(original);
                yield dot >= 0 ? original.substring(0, dot) + NameStock.otherSeparator(r, original) + original.substring(dot + 1)
                        : original.length() < 2 ? null
                        : original.charAt(0) + (r.nextBoolean() ? " " : "\u3000") + original.substring(1);
            }
            case HOMOPHONE -> {
                char last = original.charAt(original.length() - 1);
                char other = homophones.other(r, last);
                yield other == 0 ? null : original.substring(0, original.length() - 1) + other;
            }
        };
        return typed == null || typed.equals(original) ? null : typed;
    }

    private static int firstSeparator(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (!Character.isIdeographic(name.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
