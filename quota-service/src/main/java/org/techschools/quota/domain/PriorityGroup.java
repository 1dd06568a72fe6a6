package org.techschools.quota.domain;

import java.util.EnumSet;
import java.util.List;

/**
 * Groups of students the dashboards count separately (docs/DOMAIN.md#priority-groups: recruit beyond 初中毕业生, priority
 * for 脱贫家庭 and 防返贫监测对象; 订单班 is the employer-ordered class), recognised by the record's priority flag
 * or its source category (生源类别). Groups added later go last, so the columns of the CSV and XLSX exports keep their
 * places.
 */
public enum PriorityGroup {
    /** 脱贫家庭 (priority flag) */
    POOR_FAMILY("脱贫家庭", true),
    /** 退役军人 (source category) */
    VETERAN("退役军人", false),
    /** 高中毕业生 (source category) */
    HIGH_SCHOOL_GRADUATE("高中毕业生", false),
    /** 企业职工 (source category) */
    ENTERPRISE_EMPLOYEE("企业职工", false),
    /** 防返贫监测对象 (priority flag) */
    AT_RISK_OF_POVERTY("防返贫监测对象", true),
    /** 订单班 (priority flag) */
    ORDER_CLASS("订单班", true);

    /** The word on the record: the flag or the category. */
    public final String label;

    /** Recognised by a priority flag (else by the source category). */
    public final boolean flag;

    PriorityGroup(String label, boolean flag) {
        this.label = label;
        this.flag = flag;
    }

    /** The groups a record belongs to, by its source category and its comma-separated priority flags. */
    public static EnumSet<PriorityGroup> of(String sourceCategory, String priorityFlags) {
        List<String> flags = priorityFlags == null ? List.of() : List.of(priorityFlags.split(","));
        EnumSet<PriorityGroup> groups = EnumSet.noneOf(PriorityGroup.class);
        for (PriorityGroup group : values()) {
            if (group.flag ? flags.contains(group.label) : group.label.equals(sourceCategory)) {
                groups.add(group);
            }
        }
        return groups;
    }
}
