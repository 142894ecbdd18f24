package org.lmisbridge.push;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.lmisbridge.push.PushMapping.TypeMapping;
import org.lmisbridge.sql.NamedSql;

/**
 * Stages the values of a range of run days in the outbox: for each day, the data types whose interval is due,
 * read from the daily summaries and stock indicators (SQL files {@code push-stage-*.sql}), mapped by
 * {@link ValueMapper}. A new value is added PENDING, a changed one goes PENDING again, an unchanged one is left as
 * it is. Items and stores that cannot be mapped are listed in {@code not_mapped} with the reason.
 */
public class OutboxStaging {

    /** What staging did: values added, changed, unchanged, and the things not mapped. */
    public record Staged(int added, int changed, int unchanged, int notMapped) {
    }

    private final DataSource dataSource;
    private final PushMapping mapping;
    private final ValueMapper mapper;
    private final NamedSql summaries = NamedSql.load("push-stage-summaries");
    private final NamedSql indicators = NamedSql.load("push-stage-indicators");
    private final NamedSql insert = NamedSql.load("push-outbox-insert");
    private final NamedSql restage = NamedSql.load("push-outbox-restage");
    private final NamedSql clearNotMapped = NamedSql.load("push-not-mapped-clear");
    private final NamedSql insertNotMapped = NamedSql.load("push-not-mapped-insert");

    public OutboxStaging(DataSource dataSource, PushMapping mapping) {
        this.dataSource = dataSource;
        this.mapping = mapping;
        this.mapper = new ValueMapper(mapping);
    }

    public Staged stage(LocalDate from, LocalDate to) {
        clearNotMapped.update(dataSource, Map.of());
        int[] counts = new int[3];
        Set<String> notMapped = new HashSet<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Map<Basis, List<TypeMapping>> summaryTypes = new LinkedHashMap<>();
            Map<Basis, Map<String, TypeMapping>> indicatorTypes = new LinkedHashMap<>();
            for (TypeMapping t : mapping.active()) {
                if (!t.interval().isDue(day)) {
                    continue;
                }
                if (t.type().source() == DataType.Source.SUMMARY) {
                    summaryTypes.computeIfAbsent(t.basis(), b -> new ArrayList<>()).add(t);
                } else {
                    indicatorTypes.computeIfAbsent(t.basis(), b -> new HashMap<>()).put(t.type().sourceName(), t);
                }
            }
            for (Map.Entry<Basis, List<TypeMapping>> e : summaryTypes.entrySet()) {
                Basis basis = e.getKey();
                for (Map<String, Object> row : summaries.query(dataSource,
                        Map.of("firstDay", basis.firstDay(day), "lastDay", basis.lastDay(day)))) {
                    for (TypeMapping t : e.getValue()) {
                        apply(mapper.map(row, t, day, row.get(t.type().sourceName())), counts, notMapped);
                    }
                }
            }
            for (Map.Entry<Basis, Map<String, TypeMapping>> e : indicatorTypes.entrySet()) {
                for (Map<String, Object> row : indicators.query(dataSource,
                        Map.of("period", e.getKey().indicatorPeriod(day)))) {
                    TypeMapping t = e.getValue().get(String.valueOf(row.get("indicator")));
                    if (t != null) {
                        apply(mapper.map(row, t, day, row.get("indicator_value")), counts, notMapped);
                    }
                }
            }
        }
        return new Staged(counts[0], counts[1], counts[2], notMapped.size());
    }

    private void apply(ValueMapper.Outcome outcome, int[] counts, Set<String> notMapped) {
        Instant now = Instant.now();
        if (outcome.notMapped() != null) {
            ValueMapper.NotMapped n = outcome.notMapped();
            if (notMapped.add(n.kind() + ":" + n.ref())) {
                insertNotMapped.update(dataSource, Map.of("kind", n.kind(), "ref", n.ref(), "reason", n.reason(),
                        "now", now));
            }
            return;
        }
        if (outcome.value() == null) {
            return;
        }
        ValueMapper.Value v = outcome.value();
        Map<String, Object> p = new HashMap<>();
        p.put("dataElement", v.dataElement());
        p.put("period", v.period());
        p.put("orgUnit", v.orgUnit());
        p.put("categoryOptionCombo", v.categoryOptionCombo());
        p.put("attributeOptionCombo", v.attributeOptionCombo());
        p.put("value", v.value());
        p.put("now", now);
        if (insert.update(dataSource, p) == 1) {
            counts[0]++;
        } else if (restage.update(dataSource, p) == 1) {
            counts[1]++;
        } else {
            counts[2]++;
        }
    }
}
