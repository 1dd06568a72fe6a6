package org.techschools.bench;

import java.util.random.RandomGenerator;

/**
 * Chinese names for the benchmarks' people. Common surnames and given-name characters come up more often than rare
 * ones, and one name in five has a single given character, so that names repeat about as often as in a real intake:
 * against registry-load's 1,000,000 学籍 (about 500 per birth date and gender) roughly one enrollment in fifty has a
 * lookalike. The first stock (10 surnames, 15 characters: 2,250 names) made every third enrollment a probable
 * duplicate — an auditor's queue no registry produces, and half of what registry-e2e measured.
 */
final class Names {

    /** The 100 most frequent surnames, most frequent first. */
    private static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
            + "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤").split("");
    /** Given-name characters, the more frequent first. */
    private static final String[] GIVEN = ("英华玉秀明丽文红国建金平志海春军兰林云芳伟梅东光荣立成新俊杰斌勇敏静霞燕涛超强磊洋艳娜鹏辉刚宇浩然"
            + "轩博涵欣怡梓萱雨婷佳琪思诗嘉子晨阳晓丹凤桂永德福生龙元全胜学祥才发武利清飞彬富顺信义兴良山仁波宁贵安庆民振善昌宏"
            + "家泽睿铭航逸昊哲凯晶璐瑶倩颖慧莉悦馨妍蕊琳雪月翠珍淑惠娟萍洁蓉青彤菲薇岚").split("");

    private Names() {
    }

    static String random(RandomGenerator r) {
        String name = SURNAMES[skewed(r, SURNAMES.length)] + GIVEN[skewed(r, GIVEN.length)];
        return r.nextInt(5) == 0 ? name : name + GIVEN[skewed(r, GIVEN.length)];
    }

    /** An index below {@code n}, the low ones (the common names) more often, as names are distributed. */
    private static int skewed(RandomGenerator r, int n) {
        double u = r.nextDouble();
        return (int) (n * u * u);
    }
}
