package org.techschools.quota.domain;

import java.util.List;

/**
 * 目标任务 of a province (and its cities and schools), with the places where the levels do not add up:
 * shown, not refused, since the documents that set them are what they are.
 */
public record TargetListing(Integer year, String provinceCode, List<TargetRow> targets, List<CampaignRow> campaigns,
        List<Discrepancy> discrepancies) {

    public record TargetRow(int year, String scope, String scopeCode, String scopeName, String classLevel, int target,
            String source) {
    }

    public record CampaignRow(String name, String scope, String scopeCode, int fromYear, int toYear, int target,
            String source) {
    }

    /**
     * The city targets of a province and year do not sum to the province target.
     *
     * @param difference citySum − provinceTarget
     */
    public record Discrepancy(int year, String provinceCode, long provinceTarget, long citySum, long difference,
            int cityCount) {
    }
}
