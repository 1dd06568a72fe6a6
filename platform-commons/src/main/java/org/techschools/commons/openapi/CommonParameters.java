package org.techschools.commons.openapi;

/** Descriptions of the query and path parameters all three services take, for {@code @Parameter(description = ...)}. */
public final class CommonParameters {

    public static final String CURSOR = "The nextCursor of the previous page; absent for the first page";
    public static final String LIMIT = "Items per page (a whole number; the default and the maximum are the operation's)";
    public static final String PROVINCE = "Province code: six digits ending in 0000, e.g. 330000; must lie in the caller's scope";
    public static final String CITY = "City code: six digits ending in 00, e.g. 330100; must lie in the caller's scope";
    public static final String SCHOOL = "School code (学校代码); must lie in the caller's scope";
    public static final String YEAR = "Year (招生年度), e.g. 2025";
    public static final String FROM = "Start, inclusive: an ISO-8601 instant such as 2025-09-01T00:00:00Z";
    public static final String TO = "End, exclusive: an ISO-8601 instant such as 2025-10-01T00:00:00Z; after from";
    public static final String ID = "Id (a UUID) as an earlier answer gave it";

    private CommonParameters() {
    }
}
