package org.techschools.registration.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;


import org.junit.jupiter.api.Test;

/** The name comparison of the PROBABLE_DUPLICATE check, step by step, without the service around it. */
class NameSimilarityTest {

    private static final double THRESHOLD = 0.85;
    private final NameSimilarity names = new NameSimilarity();

    @Test
    void eachKindOfNearEqualNameIsRecognisedAndScoredAboveTheThreshold() {
        assertMatch("张伟", "张伟", "equal");
        assertMatch("张 伟", "张伟", "spacing");
        assertMatch("买买提·艾力", "买买提艾力", "spacing");
        assertMatch("买买提•艾力", "买买提・艾力", "spacing");
        assertMatch("张伟", "張偉", "traditional-simplified");
        assertMatch("陳 麗", "陈丽", "traditional-simplified");
        assertMatch("刘阳", "劉陽", "traditional-simplified");
        assertMatch("刘洋", "劉陽", "same-pinyin");
        assertMatch("张伟", "章伟", "same-pinyin");
        assertMatch("张伟", "章威", "homophone");
        assertMatch("陈静", "程金", "fuzzy-pinyin");
        assertMatch("John Smith", "john smith", "spacing");
        assertThat(names.compare("张伟", "張偉").score(), equalTo(0.95));
    }

    @Test
    void namesAsSchoolSystemsTypeThemAreOneName() {
        assertMatch("买买提.艾力", "买买提·艾力", "spacing");
        assertMatch("买买提．艾力", "买买提‧艾力", "spacing");
        assertMatch("买买提-艾力", "买买提 艾力", "spacing");
        assertMatch("张\u3000伟", "张伟", "spacing");
        assertMatch("欧阳 娜娜", "欧阳娜娜", "spacing");
        assertMatch("歐陽娜娜", "欧阳娜娜", "traditional-simplified");
        assertMatch("諸葛 亮", "诸葛亮", "traditional-simplified");
        assertMatch("王麗華", "王丽华", "traditional-simplified");
        assertMatch("阿依古麗·買買提", "阿依古丽买买提", "traditional-simplified");
    }

    @Test
    void homophonesMatchWhateverTheTone() {
        assertMatch("王伟", "王威", "homophone"); // wei3 / wei1
        assertMatch("赵敏", "赵民", "homophone"); // min3 / min2
        assertMatch("刘洋", "刘杨", "same-pinyin");
        assertMatch("欧阳娜", "欧阳纳", "same-pinyin"); // 娜 is na4 or nuo2: every reading counts
    }

    @Test
    void aCompoundSurnameIsNeitherSplitNorShortened() {
        for (String[] pair : new String[][] { { "欧阳娜", "欧娜" }, { "司马光", "马光" }, { "诸葛亮", "诸亮" }, { "欧阳娜娜", "阳娜娜" } }) {
            assertThat(pair[0] + "/" + pair[1], names.compare(pair[0], pair[1]).kind(), equalTo("different"));
            assertThat(pair[0] + "/" + pair[1], names.prepare(pair[0]).mayMatch(pair[1]), equalTo(false));
        }
    }

    @Test
    void differentNamesAreNoMatch() {
        for (String[] pair : new String[][] { { "张伟", "张强" }, { "张伟", "李伟" }, { "王芳", "王芳芳" }, { "李娜", "李明" } }) {
            NameSimilarity.Match match = names.compare(pair[0], pair[1]);
            assertThat(pair[0] + "/" + pair[1], match.score(), lessThan(THRESHOLD));
            assertThat(match.kind(), equalTo("different"));
            // The cheap first test of a check already turns these away.
            assertThat(pair[0] + "/" + pair[1], names.prepare(pair[0]).mayMatch(pair[1]), equalTo(false));
        }
    }

    private void assertMatch(String a, String b, String kind) {
        NameSimilarity.Match match = names.compare(a, b);
        assertThat(a + "/" + b, match.kind(), equalTo(kind));
        assertThat(a + "/" + b, match.score(), greaterThanOrEqualTo(THRESHOLD));
        // The cheap first test of a check must let every match through, whichever name is the checked one.
        assertThat(a + "/" + b, names.prepare(a).mayMatch(b), equalTo(true));
        assertThat(b + "/" + a, names.prepare(b).mayMatch(a), equalTo(true));
        assertThat(a + "/" + b, names.prepare(a).compareWith(b), equalTo(match));
        // Checks of alike names take a common lock (LookalikeBlockLocks): they share a sound key.
        // So do the rows the check reads from the lookalike index.
        assertThat(a + "/" + b, NameSimilarity.shareOne(names.soundKeys(a), names.soundKeys(b)), equalTo(true));
    }
}
