package org.techschools.registration.service;

import java.util.HashMap;
import java.util.Map;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSetIterator;

/**
 * 姓名归一: what school systems type differently for one person, folded away before names are compared.
 * <ul>
 * <li>separators are dropped: whitespace of every width (the ideographic space U+3000 too), the dots that separate the
 * parts of 少数民族 and foreign names (· • ・ ‧ ． . ﹒ ･ ⸱ …), hyphens and dashes of every width, invisible format
 * characters (zero-width space, BOM) pasted along with a name;</li>
 * <li>full-width Latin letters and digits (Ｗａｎｇ) become ASCII, and everything lower case;</li>
 * <li>every character goes from 繁体 to 简体 by Unicode's Traditional-Simplified transliteration (ICU4J, about 3,000
 * characters): 張偉 and 张伟, 歐陽 and 欧阳. Where the simplified form lies beyond the BMP (勣 → 𪟝), both fold to the
 * BMP one, as names are compared per UTF-16 char.</li>
 * </ul>
 * Nothing else is removed or reordered, so a compound surname (复姓: 欧阳, 司马, 诸葛, 上官, …) is never split or shortened:
 * 欧阳娜 and 欧娜 stay two names of different lengths.
 */
final class NameFolding {

    /** Dots used between the parts of a name, besides whitespace and dashes (see {@link #isSeparator}). */
    private static final String DOTS = ".\u00B7\u0387\u16EB\u2022\u2024\u2027\u2219\u22C5\u2E31\u3002\u30FB\u318D\uA78F\uFE52\uFF0E\uFF61\uFF65";

    /** 简体 of every BMP char (itself when it has none): read for every character of hundreds of names per check. */
    private static final char[] SIMPLIFIED = new char[Character.MAX_VALUE + 1];
    /** Supplementary-plane characters (a surrogate pair) that fold to one BMP char. */
    private static final Map<Integer, Character> SUPPLEMENTARY = new HashMap<>();

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            SIMPLIFIED[c] = (char) c;
        }
        Transliterator toSimplified = Transliterator.getInstance("Traditional-Simplified");
        for (UnicodeSetIterator it = new UnicodeSetIterator(toSimplified.getSourceSet()); it.next();) {
            if (it.codepoint == UnicodeSetIterator.IS_STRING) {
                continue;
            }
            String from = new String(Character.toChars(it.codepoint));
            String to = toSimplified.transliterate(from);
            if (to.equals(from) || to.codePointCount(0, to.length()) != 1) {
                continue;
            }
            int target = to.codePointAt(0);
            if (it.codepoint <= Character.MAX_VALUE && target <= Character.MAX_VALUE) {
                SIMPLIFIED[it.codepoint] = (char) target;
            } else if (it.codepoint <= Character.MAX_VALUE) {
                // 勣 → 𪟝: the pair folds back to the BMP char (the first one seen when several share the target).
                SIMPLIFIED[it.codepoint] = SUPPLEMENTARY.computeIfAbsent(target, t -> (char) it.codepoint);
            } else if (target <= Character.MAX_VALUE) {
                SUPPLEMENTARY.put(it.codepoint, (char) target);
            }
        }
        // The transliteration is one step; a simplified form that is itself the source of another makes a chain.
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char s = SIMPLIFIED[c];
            for (int step = 0; step < 4 && SIMPLIFIED[s] != s; step++) {
                s = SIMPLIFIED[s];
            }
            SIMPLIFIED[c] = s;
        }
    }

    private NameFolding() {
    }

    /**
     * Without separators, full-width Latin as ASCII, lower case, supplementary characters folded where they have a BMP
     * form. Runs for hundreds of names per check: a plain scan, no regex, and no copy when the name is clean.
     */
    static String compact(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (needsRewrite(name.charAt(i))) {
                return rewrite(name);
            }
        }
        return name;
    }

    /** The 简体 of each char of a compacted name. */
    static String toSimplified(String compact) {
        char[] out = compact.toCharArray();
        for (int i = 0; i < out.length; i++) {
            out[i] = SIMPLIFIED[out[i]];
        }
        return new String(out);
    }

    static char simplified(char c) {
        return SIMPLIFIED[c];
    }

    static boolean isSeparator(char c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c) || DOTS.indexOf(c) >= 0) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.DASH_PUNCTUATION || type == Character.FORMAT;
    }

    private static boolean needsRewrite(char c) {
        if (c >= '\u4E00' && c <= '\u9FFF') {
            return false; // the common case: a CJK ideograph is kept as it is
        }
        return isSeparator(c) || Character.isUpperCase(c) || (c >= '\uFF01' && c <= '\uFF5E') || Character.isSurrogate(c);
    }

    private static String rewrite(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length();) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (cp <= Character.MAX_VALUE && isSeparator((char) cp)) {
                continue;
            }
            Character folded = cp > Character.MAX_VALUE ? SUPPLEMENTARY.get(cp) : null;
            if (folded != null) {
                out.append(folded.charValue());
                continue;
            }
            if (cp >= 0xFF01 && cp <= 0xFF5E) {
                cp -= 0xFEE0; // full-width ASCII (Ｗａｎｇ) to ASCII
            }
            out.appendCodePoint(Character.toLowerCase(cp));
        }
        return out.toString();
    }
}
