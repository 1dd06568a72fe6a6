package org.techschools.registration.domain;

/** 学籍状态. Only an ACTIVE (在籍) 学籍 can conflict with another one. */
public enum RegistrationStatus {
    /** 在籍 */
    ACTIVE,
    /** 休学 */
    SUSPENDED,
    /** 退学 */
    WITHDRAWN,
    /** 毕业 */
    GRADUATED,
    /** 注销 */
    CANCELLED,
    /** 转出 */
    TRANSFERRED_OUT;

    /** The 学籍 is over (退学, 毕业, 注销, 转出): its alerts still undecided are resolved by the lifecycle. */
    public boolean ended() {
        return this != ACTIVE && this != SUSPENDED;
    }

    /**
     * The status after a change (学籍异动), or empty when the change is not allowed from this status:
     * ACTIVE→SUSPENDED, SUSPENDED→ACTIVE, ACTIVE|SUSPENDED→WITHDRAWN|GRADUATED|CANCELLED|TRANSFERRED_OUT.
     */
    public java.util.Optional<RegistrationStatus> after(RegistrationChangeType change) {
        RegistrationStatus next = switch (change) {
            case SUSPEND -> this == ACTIVE ? SUSPENDED : null;
            case RESUME -> this == SUSPENDED ? ACTIVE : null;
            case WITHDRAW -> ended() ? null : WITHDRAWN;
            case GRADUATE -> ended() ? null : GRADUATED;
            case CANCEL -> ended() ? null : CANCELLED;
            case TRANSFER -> ended() ? null : TRANSFERRED_OUT;
        };
        return java.util.Optional.ofNullable(next);
    }
}
