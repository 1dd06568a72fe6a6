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
