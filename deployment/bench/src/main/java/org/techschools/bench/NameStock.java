package org.techschools.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import com.ibm.icu.text.Transliterator;

import net.sourceforge.pinyin4j.PinyinHelper;

/**
 * Names of a whole intake as school systems send them, for the name-matching benchmark: the common Han names of
 * {@link Names} and, beside them, what a national registry also holds — 复姓 (欧阳, 司马, …, about 1 in 300), Uyghur names
 * of a given and a father's name joined by whichever dot or space the school typed (about 1 in 60), Tibetan names
 * without a surname (about 1 in 200), and names typed in 繁体 (HK/Macau/Taiwan students and schools that type them so,
 * about 1 in 50).
 */
final class NameStock {

    private static final String[] COMPOUND = { "欧阳", "司马", "诸葛", "上官", "司徒", "东方", "夏侯", "皇甫", "尉迟", "公孙", "慕容",
            "长孙", "宇文", "令狐", "端木", "西门", "独孤", "南宫" };
    private static final String[] UYGHUR = { "买买提", "艾力", "阿不都", "热依拉", "古丽", "阿依古丽", "吐尔逊", "努尔", "迪丽热巴",
            "帕提古丽", "阿卜杜拉", "艾尼瓦尔", "依明", "麦麦提", "如克亚", "米热古丽", "艾合买提", "祖丽胡玛尔", "亚森", "阿迪力", "艾克拜尔",
            "玛依拉", "伊力哈木", "木合塔尔", "阿里木", "再努尔", "排尔哈提", "阿力木江", "古力米拉", "努尔江" };
    /** Separators schools type between the parts of a minority name: the middle dot most, then its look-alikes and spaces. */
    private static final String[] SEPARATORS = { "·", "·", "·", "·", "•", "・", ".", "．", " ", "-" };
    private static final String[] TIBETAN = { "扎西", "次仁", "多吉", "卓玛", "央金", "平措", "格桑", "拉姆", "德吉", "旦增", "索朗", "尼玛",
            "达瓦", "措姆", "白玛", "曲珍", "洛桑", "益西" };

    private static final Transliterator TO_TRADITIONAL = Transliterator.getInstance("Simplified-Traditional");

    private NameStock() {
    }

    static String name(RandomGenerator r) {
        int kind = r.nextInt(1_000);
        String name;
        if (kind < 3) {
            name = COMPOUND[r.nextInt(COMPOUND.length)] + Names.random(r).substring(1);
        } else if (kind < 20) {
            name = pick(r, UYGHUR) + pick(r, SEPARATORS) + pick(r, UYGHUR);
        } else if (kind < 25) {
            name = pick(r, TIBETAN) + pick(r, TIBETAN);
        } else {
            name = Names.random(r);
        }
        return r.nextInt(50) == 0 ? traditional(name) : name;
    }

    static String traditional(String name) {
        return TO_TRADITIONAL.transliterate(name);
    }

    /** A separator other than the ones in the name, for a minority name typed anew. */
    static String otherSeparator(RandomGenerator r, String name) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String separator = pick(r, SEPARATORS);
            if (!name.contains(separator)) {
                return separator;
            }
        }
        return "\u3000";
    }

    private static String pick(RandomGenerator r, String[] options) {
        return options[r.nextInt(options.length)];
    }

    /** Characters grouped by how they are read, for typing a name with another character of the same sound. */
    static final class Homophones {
        private final Map<String, List<Character>> bySound = new HashMap<>();
        private final Map<Character, String> soundOf = new HashMap<>();

        /**
         * @param tones true: groups of one reading with its tone (同音同调); false: the reading without tone (同音不同调 too)
         */
        Homophones(String characters, boolean tones) {
            for (char c : characters.toCharArray()) {
                String[] readings = PinyinHelper.toHanyuPinyinStringArray(c);
                if (readings == null || readings.length == 0 || soundOf.containsKey(c)) {
                    continue;
                }
                String sound = tones ? readings[0] : readings[0].replaceAll("[0-9]", "");
                soundOf.put(c, sound);
                bySound.computeIfAbsent(sound, s -> new ArrayList<>()).add(c);
            }
        }

        /** Another character read like {@code c}, or 0 when the stock has none. */
        char other(RandomGenerator r, char c) {
            String sound = soundOf.get(c);
            List<Character> group = sound == null ? List.of() : bySound.get(sound);
            if (group.size() < 2) {
                return 0;
            }
            char other;
            do {
                other = group.get(r.nextInt(group.size()));
            } while (other == c);
            return other;
        }
    }
}
