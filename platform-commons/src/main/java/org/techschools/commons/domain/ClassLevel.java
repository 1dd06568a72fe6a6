package org.techschools.commons.domain;

/**
 * 班级层次: 中级工班, 高级工班, 预备技师班, 技师班. The notices count 技师班 beside 预备技师班 ("预备技师（技师）班")
 * and ask for more of both, so each is its own level (docs/DOMAIN.md#schools-and-class-levels).
 */
public enum ClassLevel {
    /** 中级工班 */
    INTERMEDIATE("中级工班"),
    /** 高级工班 */
    ADVANCED("高级工班"),
    /** 预备技师班 */
    PREP_TECHNICIAN("预备技师班"),
    /** 技师班 */
    TECHNICIAN("技师班");

    /** The name an office or a certificate prints. */
    public final String label;

    ClassLevel(String label) {
        this.label = label;
    }

    /** The levels that count as 高技能 on the dashboards (docs/DOMAIN.md#schools-and-class-levels: raise their share). */
    public boolean isHighSkill() {
        return this != INTERMEDIATE;
    }
}
