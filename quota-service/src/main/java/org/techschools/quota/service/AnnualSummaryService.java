package org.techschools.quota.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.techschools.commons.domain.ClassLevel;
import org.techschools.quota.domain.AnnualSummary;
import org.techschools.quota.domain.AnnualSummary.Row;
import org.techschools.quota.domain.CounterSums;
import org.techschools.quota.domain.PlanAlert;
import org.techschools.quota.domain.PlanAlertType;
import org.techschools.quota.domain.TargetProgress;
import org.techschools.quota.domain.TargetProgress.CityProgress;

/** 年度总结: the 进展 figures of a year with the class-level mix and the plan-compliance alerts, per city and in total. */
@ApplicationScoped
public class AnnualSummaryService {

    @Inject
    ProgressService progress;

    @Inject
    AnnualSummaryFilingService filings;

    /** @param cityLimit when not null, only this city and totals of it (a city office's own summary) */
    @Transactional
    public AnnualSummary summary(int year, String provinceCode, String cityLimit) {
        TargetProgress report = progress.province(year, provinceCode, cityLimit);
        Map<String, Map<String, Long>> levels = byCity(CounterSums.schoolLevelsByCity(provinceCode, year));
        Map<String, Map<String, Long>> alerts = byCity(PlanAlert.countsByCity(year, provinceCode));

        List<Row> cities = new ArrayList<>();
        Map<String, Long> totalLevels = ProgressService.zeroes(ClassLevel.values());
        Map<String, Long> totalAlerts = ProgressService.zeroes(PlanAlertType.values());
        for (CityProgress c : report.cities()) {
            Map<String, Long> cityLevels = ProgressService.zeroes(ClassLevel.values());
            levels.getOrDefault(c.cityCode(), Map.of()).forEach((k, v) -> cityLevels.merge(k, v, Long::sum));
            Map<String, Long> cityAlerts = ProgressService.zeroes(PlanAlertType.values());
            alerts.getOrDefault(c.cityCode(), Map.of()).forEach((k, v) -> cityAlerts.merge(k, v, Long::sum));
            cityLevels.forEach((k, v) -> totalLevels.merge(k, v, Long::sum));
            cityAlerts.forEach((k, v) -> totalAlerts.merge(k, v, Long::sum));
            cities.add(new Row(c.cityCode(), c.cityName(), c.target(), c.plan(), c.actual(), c.completionPct(), cityLevels,
                    c.advancedShare(), c.priorityGroups(), cityAlerts));
        }
        Row total = new Row(cityLimit == null ? provinceCode : cityLimit,
                cityLimit == null ? report.provinceName() : cities.isEmpty() ? null : cities.get(0).name(), report.target(),
                report.plan(), report.actual(), report.completionPct(), totalLevels, report.advancedShare(),
                report.priorityGroups(), totalAlerts);
        return new AnnualSummary(year, provinceCode, report.provinceName(), cityLimit, filings.dueOn(year), total,
                cities);
    }

    private static Map<String, Map<String, Long>> byCity(List<CounterSums.Count> counts) {
        Map<String, Map<String, Long>> byCity = new HashMap<>();
        for (CounterSums.Count count : counts) {
            byCity.computeIfAbsent(count.key(), c -> new HashMap<>()).merge(count.part(), count.count(), Long::sum);
        }
        return byCity;
    }
}
