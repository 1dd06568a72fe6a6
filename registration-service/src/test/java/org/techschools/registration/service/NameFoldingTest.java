package org.techschools.registration.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

/** The folding of names before the PROBABLE_DUPLICATE comparison (NameFolding), without the service around it. */
class NameFoldingTest {

    private static String folded(String name) {
        return NameFolding.toSimplified(NameFolding.compact(name));
    }

    @Test
    void traditionalCharactersFoldToSimplifiedAnywhereInTheName() {
        assertThat(folded("張偉"), equalTo("张伟"));
        assertThat(folded("王麗華"), equalTo("王丽华"));
        assertThat(folded("林誌龍"), equalTo("林志龙"));
        assertThat(folded("黃鬱蘭"), equalTo("黄郁兰"));
        assertThat(folded("鍾書瑋"), equalTo("钟书玮"));
        assertThat(folded("鐘曉東"), equalTo("钟晓东"));
        assertThat(folded("蕭嘉寶"), equalTo("萧嘉宝"));
        // Not a short table of surnames: given names and rarer characters fold too.
        assertThat(folded("陳韞儀"), equalTo("陈韫仪"));
        assertThat(folded("趙瀅瀅"), equalTo("赵滢滢"));
    }

    @Test
    void everySeparatorOfMinorityAndForeignNamesIsDropped() {
        String plain = "买买提艾力";
        for (String separator : new String[] { "·", "・", "•", "‧", "．", ".", "･", "∙", "⋅", "﹒", "。", "-", "‐", "－", "—", " ",
                "\u3000", "\u00A0", "\t", "\u200B", "\uFEFF" }) {
            String name = "买买提" + separator + "艾力";
            assertThat("U+" + Integer.toHexString(separator.charAt(0)), folded(name), equalTo(plain));
        }
        assertThat(folded(" 阿依古丽 · 买买提 "), equalTo("阿依古丽买买提"));
        assertThat(folded("阿卜杜拉·艾尼瓦尔·买买提"), equalTo("阿卜杜拉艾尼瓦尔买买提"));
    }

    @Test
    void fullWidthAndUpperCaseLatinAreOneSpelling() {
        assertThat(folded("ＪＯＨＮ　ＳＭＩＴＨ"), equalTo("johnsmith"));
        assertThat(folded("John-Smith"), equalTo("johnsmith"));
    }

    @Test
    void compoundSurnamesAreKeptWhole() {
        assertThat(folded("歐陽娜娜"), equalTo("欧阳娜娜"));
        assertThat(folded("司馬 光"), equalTo("司马光"));
        assertThat(folded("諸葛亮"), equalTo("诸葛亮"));
        assertThat(folded("上官·婉儿"), equalTo("上官婉儿"));
        // Folding drops separators only: neither half of a 复姓 goes missing.
        assertThat(folded("欧阳娜"), not(equalTo(folded("欧娜"))));
        assertThat(folded("司马光"), not(equalTo(folded("马光"))));
    }

    @Test
    void aCleanSimplifiedNameIsReturnedAsItIs() {
        String name = "张伟";
        assertThat(NameFolding.compact(name) == name, equalTo(true));
        assertThat(folded("李明"), equalTo("李明"));
    }
}
