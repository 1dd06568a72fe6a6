package org.techschools.quota.domain;

import java.util.List;

/**
 * 目标任务 of a province (and its cities and schools), with the places where the levels do not add up:
 * shown, not refused, since the documents that set them are what they are. {@code targets} is one page;
 * {@code nextCursor} (null on the last page) asks for the next.
 */
public record TargetListing(Integer year, String provinceCode, List<TargetRow> targets, List<CampaignRow> campaigns,
        List<Discrepancy> discrepancies, String nextCursor) {

    public record TargetRow(int year, String scope, String scopeCode, String scopeName, String classLevel, int target,
            String source) {
    }

    public record CampaignRow(String name, String scope, String scopeCode, int fromYear, int toYear, int target,
            String source) {
    }

    /**
     * The targets one level below a target (over all class levels) do not sum to it: provinces under the national
     * target, cities under their province, schools under their city.
     *
     * @param parentScope NATIONAL, PROVINCE or CITY
     * @param childScope  PROVINCE, CITY or SCHOOL
     * @param childCount  how many child targets were summed
     * @param difference  childSum − parentTarget
     */
    public record Discrepancy(int year, String parentScope, String parentCode, String parentName, long parentTarget,
            String childScope, long childSum, int childCount, long difference) {
    }
}
