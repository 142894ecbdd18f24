package org.lmisbridge.sandbox;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Imports a data value set the way DHIS2 2.42 does: data-set level checks first (an error aborts
 * the whole set), then each value through the validations in DHIS2's order (the first failure
 * rejects it), then create/update/delete/ignore against the store.
 */
final class DataValueImporter {
  private final MetadataStore metadata;
  private final DataValueStore store;
  private final Clock clock;

  DataValueImporter(MetadataStore metadata, DataValueStore store, Clock clock) {
    this.metadata = metadata;
    this.store = store;
    this.clock = clock;
  }

  /** What one import needs to know besides the values. */
  private final class Context {
    final ImportOptions options;
    final SandboxUser user;
    final ImportSummary summary = new ImportSummary();
    final String strategy;
    final boolean dryRun;
    final IdScheme deScheme;
    final IdScheme ouScheme;
    final IdScheme cocScheme;
    final IdScheme aocScheme;
    final IdScheme dsScheme;
    Meta.DataSet dataSet;
    String dataSetRef;
    IsoPeriod outerPeriod;
    OrgUnit outerOrgUnit;
    Meta.OptionCombo outerAoc;
    final LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));

    Context(ImportOptions options, DataValueSetPayload payload, SandboxUser user) {
      this.options = options;
      this.user = user;
      String s = payload.header("strategy");
      if (s == null) s = payload.header("importStrategy");
      this.strategy = s != null ? s.toUpperCase() : options.importStrategy;
      String dry = payload.header("dryRun");
      this.dryRun = dry != null ? Boolean.parseBoolean(dry) : options.dryRun;
      this.deScheme = scheme(payload, "dataElementIdScheme");
      this.ouScheme = scheme(payload, "orgUnitIdScheme");
      this.cocScheme = scheme(payload, "categoryOptionComboIdScheme");
      this.dsScheme = scheme(payload, "dataSetIdScheme");
      IdScheme aoc = IdScheme.parse(payload.header("attributeOptionComboIdScheme"));
      if (aoc == null) aoc = options.schemes.get("attributeOptionComboIdScheme");
      this.aocScheme = aoc != null ? aoc : cocScheme;
    }

    private IdScheme scheme(DataValueSetPayload payload, String name) {
      IdScheme fromData = IdScheme.parse(payload.header(name));
      return fromData != null ? fromData : options.scheme(name);
    }

    boolean strict(String flag) {
      return options.flag(flag);
    }
  }

  ImportSummary importSet(DataValueSetPayload payload, ImportOptions options, SandboxUser user) {
    Context ctx = new Context(options, payload, user);
    validateDataSet(payload, ctx);
    if (ctx.summary.isError()) return ctx.summary;
    long now = clock.millis();
    store.lock().writeLock().lock();
    try {
      int index = 0;
      for (DataValueSetPayload.Entry e : payload.values) importValue(ctx, e, index++, now);
    } finally {
      store.lock().writeLock().unlock();
    }
    return ctx.summary;
  }

  private void validateDataSet(DataValueSetPayload p, Context ctx) {
    ctx.dataSetRef = p.header("dataSet");
    if (ctx.dataSetRef != null) {
      ctx.dataSet = metadata.dataSet(ctx.dataSetRef, ctx.dsScheme);
      if (ctx.dataSet == null) {
        ctx.summary.conflict(-1, "E7600", objects("dataSet", ctx.dataSetRef),
            "Data set not found or not accessible: `" + ctx.dataSetRef + "`", "dataSet");
      }
    }
    ctx.outerPeriod = IsoPeriod.parse(p.header("period"));
    String ou = p.header("orgUnit");
    if (ou != null) {
      ctx.outerOrgUnit = metadata.orgUnit(ou, ctx.ouScheme);
      if (ctx.outerOrgUnit == null) {
        ctx.summary.conflict(-1, "E7603", objects("organisationUnit", ou, "dataSet", ctx.dataSetRef),
            "Org unit not found or not accessible: `" + ou + "`", "orgUnit");
      }
    }
    String aoc = p.header("attributeOptionCombo");
    if (aoc != null) {
      ctx.outerAoc = metadata.optionCombo(aoc, ctx.aocScheme);
      if (ctx.outerAoc == null) {
        ctx.summary.conflict(-1, "E7604", objects("categoryOptionCombo", aoc, "dataSet", ctx.dataSetRef),
            "Attribute option combo not found or not accessible: `" + aoc + "`", "attributeOptionCombo");
      }
    }
    if (ctx.summary.hasConflicts()) ctx.summary.abort();
  }

  private void importValue(Context ctx, DataValueSetPayload.Entry e, int index, long now) {
    ImportSummary s = ctx.summary;
    String deRef = trim(e.dataElement);
    Meta.DataElement de = metadata.dataElement(deRef, ctx.deScheme);
    IsoPeriod pe = ctx.outerPeriod != null ? ctx.outerPeriod : IsoPeriod.parse(trim(e.period));
    OrgUnit ou = ctx.outerOrgUnit != null ? ctx.outerOrgUnit : metadata.orgUnit(trim(e.orgUnit), ctx.ouScheme);
    String cocRef = trim(e.categoryOptionCombo);
    Meta.OptionCombo coc = metadata.optionCombo(cocRef, ctx.cocScheme);
    String aocRef = trim(e.attributeOptionCombo);
    Meta.OptionCombo aoc = ctx.outerAoc != null ? ctx.outerAoc : metadata.optionCombo(aocRef, ctx.aocScheme);

    String error = validate(ctx, e, index, deRef, de, pe, ou, cocRef, coc, aocRef, aoc);
    if (error != null) {
      s.ignored++;
      s.rejected(index);
      return;
    }
    if (coc == null) coc = metadata.optionCombo(MetadataStore.DEFAULT_COC, IdScheme.UID);
    if (aoc == null) aoc = metadata.optionCombo(MetadataStore.DEFAULT_COC, IdScheme.UID);
    if (!constraintsHold(ctx, e, index, deRef, de, pe, ou, cocRef, coc, aocRef, aoc)) {
      s.ignored++;
      s.rejected(index);
      return;
    }
    write(ctx, e, index, now, de, pe, ou, coc, aoc);
  }

  /** The existence and value checks; answers the error code of the first failure. */
  private String validate(Context ctx, DataValueSetPayload.Entry e, int index, String deRef, Meta.DataElement de,
      IsoPeriod pe, OrgUnit ou, String cocRef, Meta.OptionCombo coc, String aocRef, Meta.OptionCombo aoc) {
    ImportSummary s = ctx.summary;
    if (de == null) {
      return add(s, index, "E7610", objects("dataElement", deRef), "Data element not found or not accessible: `" + deRef + "`", "dataElement");
    }
    if (pe == null) {
      String ref = trim(e.period);
      return add(s, index, "E7611", objects("period", ref), "Period not valid: `" + ref + "`", "period");
    }
    if (ou == null) {
      String ref = trim(e.orgUnit);
      return add(s, index, "E7612", objects("organisationUnit", ref), "Organisation unit not found or not accessible: `" + ref + "`", "orgUnit");
    }
    if (coc == null && cocRef != null) {
      return add(s, index, "E7613", objects("categoryOptionCombo", cocRef),
          "Category option combo not found or not accessible for writing data: `" + cocRef + "`", "categoryOptionCombo");
    }
    if (aoc == null && aocRef != null) {
      return add(s, index, "E7615", objects("categoryOptionCombo", aocRef),
          "Attribute option combo not found or not accessible for writing data: `" + aocRef + "`", "attributeOptionCombo");
    }
    if (ctx.user != null && ctx.user.organisationUnits().stream().noneMatch(ou::isWithin)) {
      String ref = trim(e.orgUnit) != null ? trim(e.orgUnit) : ou.ref(ctx.ouScheme);
      return add(s, index, "E7617", objects("organisationUnit", ref, "user", ctx.user.id()),
          "Organisation unit: `" + ref + "` not in hierarchy of current user: `" + ctx.user.id() + "`", "orgUnit");
    }
    if (e.value == null && e.comment == null && !e.deleted && !ctx.strategy.equals("DELETE")) {
      return add(s, index, "E7618", objects("dataElement", deRef),
          "Data value or comment not specified for data element: `" + deRef + "`", "value");
    }
    String errorKey = ValueTypes.check(ValueTypes.normalize(e.value, de.valueType()), de.valueType());
    if (errorKey != null) {
      return add(s, index, "E7619", objects("dataElement", deRef, "value", errorKey),
          "Value must match value type of data element `" + deRef + "`: `" + ValueTypes.text(errorKey) + "`", "value");
    }
    if (e.comment != null && e.comment.length() > 50000) {
      return add(s, index, "E7620", objects("comment", "comment_length_greater_than_max_length"),
          "Invalid comment: comment_length_greater_than_max_length", "comment");
    }
    return null;
  }

  /** DHIS2's constraints (combos required, strict modes, open future periods). */
  private boolean constraintsHold(Context ctx, DataValueSetPayload.Entry e, int index, String deRef,
      Meta.DataElement de, IsoPeriod pe, OrgUnit ou, String cocRef, Meta.OptionCombo coc, String aocRef,
      Meta.OptionCombo aoc) {
    ImportSummary s = ctx.summary;
    String peRef = ctx.outerPeriod != null ? ctx.outerPeriod.iso() : trim(e.period);
    String ouRef = ctx.outerOrgUnit != null ? ctx.outerOrgUnit.ref(ctx.ouScheme) : trim(e.orgUnit);
    if (cocRef == null && ctx.strict("requireCategoryOptionCombo")) {
      return add(s, index, "E7630", new LinkedHashMap<>(), "Category option combo is required but is not specified", "categoryOptionCombo") == null;
    }
    if (aocRef == null && ctx.outerAoc == null && ctx.strict("requireAttributeOptionCombo")) {
      return add(s, index, "E7631", new LinkedHashMap<>(), "Attribute option combo is required but is not specified", "attributeOptionCombo") == null;
    }
    List<Meta.DataSet> elementSets = metadata.dataSetsOf(de.id());
    if (ctx.strict("strictPeriods") && elementSets.stream().noneMatch(ds -> IsoPeriod.Type.byName(ds.periodType()) == pe.type())) {
      return add(s, index, "E7632", objects("period", peRef, "dataElement", deRef),
          "Period type of period: `" + peRef + "` not valid for data element: `" + deRef + "`", null) == null;
    }
    if (ctx.strict("strictDataElements")) {
      List<Meta.DataSet> targets = ctx.dataSet != null ? List.of(ctx.dataSet) : elementSets;
      if (targets.stream().noneMatch(ds -> ds.dataElements().contains(de.id()))) {
        String sets = String.join(",", targets.stream().map(Meta.DataSet::id).toList());
        return add(s, index, "E7633", objects("dataElement", deRef, "dataSet", sets),
            "Data element: `" + deRef + "` is not part of dataset(s): `" + sets + "`", "dataElement") == null;
      }
    }
    if (ctx.strict("strictCategoryOptionCombos") && !de.categoryCombo().equals(coc.categoryCombo())) {
      return add(s, index, "E7634", objects("categoryOptionCombo", cocRef, "dataElement", deRef),
          "Category option combo: `" + cocRef + "` must be part of category combo of data element: `" + deRef + "`",
          "categoryOptionCombo") == null;
    }
    if (ctx.strict("strictAttributeOptionCombos")
        && elementSets.stream().noneMatch(ds -> ds.categoryCombo().equals(aoc.categoryCombo()))) {
      return add(s, index, "E7635", objects("categoryOptionCombo", aocRef, "dataElement", deRef),
          "Attribute option combo: `" + aocRef + "` must be part of category combo of data sets of data element: `" + deRef + "`",
          "attributeOptionCombo") == null;
    }
    if (ctx.strict("strictOrganisationUnits") && elementSets.stream().noneMatch(ds -> ds.orgUnits().contains(ou.id()))) {
      return add(s, index, "E7636", objects("organisationUnit", ouRef, "dataElement", deRef),
          "Data element: `" + deRef + "` must be assigned through data sets to organisation unit: `" + ouRef + "`", "orgUnit") == null;
    }
    return notAfterOpenFuturePeriods(ctx, index, deRef, de, pe, ou, aoc, peRef);
  }

  /** E7641: a period after the last open future period of a target data set. */
  private boolean notAfterOpenFuturePeriods(Context ctx, int index, String deRef, Meta.DataElement de, IsoPeriod pe,
      OrgUnit ou, Meta.OptionCombo aoc, String peRef) {
    if (ctx.strict("force")) return true;
    List<Meta.DataSet> targets = ctx.dataSet != null ? List.of(ctx.dataSet) : new ArrayList<>();
    if (ctx.dataSet == null) {
      for (Meta.DataSet ds : metadata.dataSetsOf(de.id())) {
        if (ds.orgUnits().contains(ou.id()) && ds.categoryCombo().equals(aoc.categoryCombo())) targets.add(ds);
      }
    }
    boolean ok = true;
    for (Meta.DataSet ds : targets) {
      IsoPeriod.Type type = IsoPeriod.Type.byName(ds.periodType());
      if (type == null) continue;
      IsoPeriod latest = IsoPeriod.containing(type, ctx.today).plus(ds.openFuturePeriods() - 1);
      if (pe.end().isAfter(latest.end())) {
        String dsRef = ds.ref(ctx.dsScheme);
        add(ctx.summary, index, "E7641", objects("period", peRef, "dataElement", deRef, "dataSet", ds.id()),
            "Period: `" + peRef + "` is after latest open future period: `" + latest.iso() + "` for data element: `"
                + deRef + "` and data set: `" + ds.id() + "`", "period");
        ok = false;
        if (dsRef == null) break;
      }
    }
    return ok;
  }

  private void write(Context ctx, DataValueSetPayload.Entry e, int index, long now, Meta.DataElement de,
      IsoPeriod pe, OrgUnit ou, Meta.OptionCombo coc, Meta.OptionCombo aoc) {
    ImportSummary s = ctx.summary;
    DataValueStore.Key key = new DataValueStore.Key(de.id(), store.period(pe.iso()), ou.id(), coc.id(), aoc.id());
    DataValueStore.Stored existing = store.get(key);
    String value = trim(ValueTypes.normalize(e.value, de.valueType()));
    String comment = trim(e.comment);
    boolean zeroInsignificant = de.numeric() && ValueTypes.isZero(value) && !de.zeroIsSignificant()
        && !de.aggregationType().equals("AVERAGE") && !de.aggregationType().equals("AVERAGE_SUM_ORG_UNIT");
    String strategy = ctx.strategy;
    if (zeroInsignificant && (existing == null || strategy.equals("CREATE"))) {
      return; // DHIS2 drops these without counting them
    }
    if (existing != null) {
      switch (strategy) {
        case "CREATE_AND_UPDATE", "UPDATE" -> {
          if ((value == null && comment == null) || e.deleted || zeroInsignificant) {
            s.deleted++;
            if (!ctx.dryRun) store.remove(key);
          } else if (Objects.equals(existing.value, value) && Objects.equals(existing.comment, comment)
              && existing.followup == e.followup) {
            s.ignored++;
          } else {
            s.updated++;
            if (!ctx.dryRun) {
              existing.value = value;
              existing.comment = comment;
              existing.followup = e.followup;
              existing.storedBy = storedBy(ctx, e);
              existing.lastUpdated = now;
            }
          }
        }
        case "DELETE" -> {
          s.deleted++;
          if (!ctx.dryRun) store.remove(key);
        }
        default -> {
          s.ignored++;
          s.rejected(index);
        }
      }
      return;
    }
    if (strategy.equals("CREATE_AND_UPDATE") || strategy.equals("CREATE")) {
      if (value == null && comment == null) {
        s.ignored++;
        return;
      }
      s.imported++;
      if (!ctx.dryRun) {
        DataValueStore.Stored st = new DataValueStore.Stored();
        st.value = value;
        st.comment = comment;
        st.followup = e.followup;
        st.storedBy = storedBy(ctx, e);
        st.created = now;
        st.lastUpdated = now;
        store.put(key, st);
      }
    } else {
      s.ignored++;
      s.rejected(index);
    }
  }

  private static String storedBy(Context ctx, DataValueSetPayload.Entry e) {
    if (e.storedBy != null && !e.storedBy.isBlank()) return e.storedBy;
    return ctx.user == null ? "admin" : ctx.user.username();
  }

  private static String add(ImportSummary s, int index, String code, Map<String, String> objects, String message,
      String property) {
    s.conflict(index, code, objects, message, property);
    return code;
  }

  static Map<String, String> objects(String... keyValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) m.put(keyValues[i], keyValues[i + 1]);
    return m;
  }

  private static String trim(String s) {
    if (s == null) return null;
    String t = s.trim();
    return t.isEmpty() ? null : t;
  }
}
