package org.techschools.registration.service;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import net.sourceforge.pinyin4j.PinyinHelper;

/**
 * How alike two personal names (姓名) are, for the PROBABLE_DUPLICATE check. The steps go from strict to
 * loose and the first that makes the names equal decides the score:
 * <ol>
 * <li>{@code equal} (1.0);</li>
 * <li>{@code spacing} (0.98): equal once separators are dropped — whitespace of any width, the dots and hyphens
 * between the parts of minority and foreign names (买买提·艾力 / 买买提.艾力 / 买买提艾力) — see {@link NameFolding};</li>
 * <li>{@code traditional-simplified} (0.95): equal once every 繁体 character is mapped to 简体 (張偉 / 张伟, 歐陽 / 欧阳);</li>
 * <li>{@code same-pinyin} (0.92): every character has a reading in common, tones included (同音同调);</li>
 * <li>{@code homophone} (0.88): same readings without tones (同音字, 张伟 / 章玮);</li>
 * <li>{@code fuzzy-pinyin} (0.86): same after the sound mergers many speakers and typists make —
 * zh/z, ch/c, sh/s, n/l, f/h, -ng/-n (平翘舌, 前后鼻音) — as in 陈静 / 程金;</li>
 * <li>{@code different} (0.0) otherwise.</li>
 * </ol>
 * Readings of 多音字 are all considered: two characters sound alike when any of their readings do. Names are compared
 * character by character over their whole length, so a compound surname (欧阳, 司马, 诸葛) is never split.
 */
@ApplicationScoped
public class NameSimilarity {

    private static final Pattern TONE = Pattern.compile("[0-9]");
    /** How many leading characters {@link #soundKeys} cover: two tell most names of a block apart and keep few combinations. */
    private static final int KEYED_CHARACTERS = 2;

    /**
     * A way of writing readings, with each character's readings in it remembered: one check compares a name with
     * hundreds born the same day, and the pinyin table and string work cost far more than the comparison itself.
     */
    private record Form(Function<String, String> of, Map<Character, Set<String>> known) {
        Form(Function<String, String> of) {
            this(of, new ConcurrentHashMap<>());
        }

        Set<String> readings(char c) {
            return known.computeIfAbsent(c, k -> NameSimilarity.readings(k, of));
        }
    }

    private static final Form TONAL = new Form(r -> r);
    private static final Form TONELESS = new Form(NameSimilarity::toneless);
    private static final Form FUZZY = new Form(r -> fuzzy(toneless(r)));

    public record Match(String kind, double score) {

        public boolean isMatch() {
            return score > 0;
        }
    }

    /** Ids of each character's {@link #FUZZY} readings, filled as characters are first seen; see {@link Prepared}. */
    private final int[][] fuzzyReadingIds = new int[Character.MAX_VALUE + 1][];
    private final Map<String, Integer> syllableIds = new ConcurrentHashMap<>();
    private final AtomicInteger nextSyllableId = new AtomicInteger();

    /**
     * A name made ready to be compared with the hundreds born the same day: its compact 简体 form and, per character,
     * the ids of its fuzzy readings. {@link #mayMatch} is the loosest step of {@link #compare} only — every kind of
     * match above {@code different} passes it — without allocating, so a check runs the full comparison only for the
     * few names that pass.
     */
    public final class Prepared {
        private final String name;
        private final String form;
        private final int[][] readings;

        private Prepared(String name) {
            this.name = name;
            this.form = toSimplified(compact(name));
            this.readings = new int[form.length()][];
            for (int i = 0; i < form.length(); i++) {
                readings[i] = fuzzyReadingIds(form.charAt(i));
            }
        }

        /** Whether {@code other} could match this name at all: same length, and each character sounds alike (fuzzily). */
        public boolean mayMatch(String other) {
            String compactOther = compact(other);
            if (compactOther.length() != form.length()) {
                return false;
            }
            for (int i = 0; i < form.length(); i++) {
                char x = form.charAt(i);
                char y = NameFolding.simplified(compactOther.charAt(i));
                if (x != y && !shareOne(readings[i], fuzzyReadingIds(y))) {
                    return false;
                }
            }
            return true;
        }

        /** The full comparison with another name. */
        public Match compareWith(String other) {
            return compare(name, other);
        }
    }

    /**
     * Keys of how a name sounds, of which a name alike to it shares at least one: every kind of match of {@link #compare}
     * implies that the first two characters (compact, 简体) are equal or share a fuzzy reading each, so each key is a
     * combination of fuzzy readings of those two (a character without readings stands for itself) — one key for most
     * names, a few for 多音字. Kept per 学籍 and used by the lookalike locks: each combination's {@link String#hashCode}
     * (stable across JVMs; two combinations with one hash only widen a lookup), sorted.
     */
    public int[] soundKeys(String name) {
        String form = toSimplified(compact(name));
        List<String> combinations = List.of("");
        for (int i = 0; i < Math.min(KEYED_CHARACTERS, form.length()); i++) {
            Set<String> readings = FUZZY.readings(form.charAt(i));
            Set<String> sounds = readings.isEmpty() ? Set.of(form.substring(i, i + 1)) : readings;
            combinations = combinations.stream().flatMap(prefix -> sounds.stream().map(sound -> prefix + sound + "|")).toList();
        }
        return combinations.stream().mapToInt(String::hashCode).sorted().distinct().toArray();
    }

    public Prepared prepare(String name) {
        return new Prepared(name);
    }

    private int[] fuzzyReadingIds(char c) {
        int[] ids = fuzzyReadingIds[c];
        if (ids == null) {
            // A benign race: two threads may both compute the same immutable array.
            ids = FUZZY.readings(c).stream().mapToInt(r -> syllableIds.computeIfAbsent(r, k -> nextSyllableId.getAndIncrement())).sorted().toArray();
            fuzzyReadingIds[c] = ids;
        }
        return ids;
    }

    /** Whether two sorted id arrays, both non-empty, have an id in common (characters without readings share none). */
    static boolean shareOne(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                return true;
            }
            if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }

    public Match compare(String a, String b) {
        if (a.equals(b)) {
            return new Match("equal", 1.0);
        }
        String ca = compact(a);
        String cb = compact(b);
        if (ca.equals(cb)) {
            return new Match("spacing", 0.98);
        }
        String sa = toSimplified(ca);
        String sb = toSimplified(cb);
        if (sa.equals(sb)) {
            return new Match("traditional-simplified", 0.95);
        }
        if (sa.length() != sb.length()) {
            return new Match("different", 0.0);
        }
        if (soundAlike(sa, sb, TONAL)) {
            return new Match("same-pinyin", 0.92);
        }
        if (soundAlike(sa, sb, TONELESS)) {
            return new Match("homophone", 0.88);
        }
        if (soundAlike(sa, sb, FUZZY)) {
            return new Match("fuzzy-pinyin", 0.86);
        }
        return new Match("different", 0.0);
    }

    static String compact(String name) {
        return NameFolding.compact(name);
    }

    static String toSimplified(String compact) {
        return NameFolding.toSimplified(compact);
    }

    /** Same length, and each pair of characters shares a reading (after {@code form}); non-Chinese characters must be equal. */
    private static boolean soundAlike(String a, String b, Form form) {
        for (int i = 0; i < a.length(); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x == y) {
                continue;
            }
            Set<String> rx = form.readings(x);
            Set<String> ry = form.readings(y);
            if (rx.isEmpty() || ry.isEmpty() || Collections.disjoint(rx, ry)) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> readings(char c, Function<String, String> form) {
        String[] pinyin = PinyinHelper.toHanyuPinyinStringArray(c);
        Set<String> out = new LinkedHashSet<>();
        if (pinyin != null) {
            for (String p : pinyin) {
                out.add(form.apply(p));
            }
        }
        return Set.copyOf(out);
    }

    private static String toneless(String reading) {
        return TONE.matcher(reading).replaceAll("");
    }

    /** Merges the initials and finals most often confused, so 程/陈 (cheng/chen) and 刘/牛 (liu/niu) meet. */
    private static String fuzzy(String syllable) {
        String s = syllable;
        for (List<String> pair : List.of(List.of("zh", "z"), List.of("ch", "c"), List.of("sh", "s"))) {
            if (s.startsWith(pair.get(0))) {
                s = pair.get(1) + s.substring(2);
            }
        }
        if (s.startsWith("n")) {
            s = "l" + s.substring(1);
        }
        if (s.startsWith("f")) {
            s = "h" + s.substring(1);
        }
        if (s.endsWith("ng")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
