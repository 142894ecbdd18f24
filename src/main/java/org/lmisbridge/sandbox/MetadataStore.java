package org.lmisbridge.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The metadata the sandbox holds: org units (with derived level and path), categories and their
 * combos, data elements, data sets, programs, tracked entity types and attributes, users. Every
 * lookup takes an id scheme so codes resolve for CODE schemes.
 */
public final class MetadataStore {
  public static final String DEFAULT_COC = "HllvX50cXC0";
  public static final String DEFAULT_CATEGORY_COMBO = "bjDvmb4bfuf";
  public static final String DEFAULT_CATEGORY_OPTION = "xYerKDKCefk";
  public static final String DEFAULT_CATEGORY = "GLevLNI9wkl";
  public static final String ADMIN_ID = "M5zQapPyTZI";

  final Registry<Meta.CategoryOption> categoryOptions = new Registry<>();
  final Registry<Meta.Category> categories = new Registry<>();
  final Registry<Meta.CategoryCombo> categoryCombos = new Registry<>();
  final Registry<Meta.OptionCombo> optionCombos = new Registry<>();
  final Registry<Meta.DataElement> dataElements = new Registry<>();
  final Registry<Meta.DataSet> dataSets = new Registry<>();
  final Registry<Meta.Program> programs = new Registry<>();
  final Registry<Meta.ProgramStage> programStages = new Registry<>();
  final Registry<Meta.TrackedEntityType> trackedEntityTypes = new Registry<>();
  final Registry<Meta.TrackedEntityAttribute> trackedEntityAttributes = new Registry<>();
  final Registry<OrgUnit> orgUnits = new Registry<>();
  private final Map<String, SandboxUser> usersByName = new ConcurrentHashMap<>();
  private final Map<String, SandboxUser> usersById = new ConcurrentHashMap<>();
  private volatile Map<String, List<Meta.DataSet>> dataSetsByElement = Map.of();
  private final Clock clock;

  MetadataStore(Clock clock) {
    this.clock = clock;
    categoryOptions.put(new Meta.CategoryOption(DEFAULT_CATEGORY_OPTION, "default", "default"));
    categories.put(new Meta.Category(DEFAULT_CATEGORY, "default", "default", List.of(DEFAULT_CATEGORY_OPTION)));
    categoryCombos.put(new Meta.CategoryCombo(DEFAULT_CATEGORY_COMBO, "default", "default", List.of(DEFAULT_CATEGORY)));
    optionCombos.put(new Meta.OptionCombo(DEFAULT_COC, "default", "default", DEFAULT_CATEGORY_COMBO,
        Set.of(DEFAULT_CATEGORY_OPTION)));
  }

  Instant now() {
    return clock.instant();
  }

  // ---- lookups -------------------------------------------------------------------------------

  public Meta.DataElement dataElement(String ref, IdScheme scheme) { return dataElements.get(ref, scheme); }
  public Meta.DataSet dataSet(String ref, IdScheme scheme) { return dataSets.get(ref, scheme); }
  public Meta.OptionCombo optionCombo(String ref, IdScheme scheme) { return optionCombos.get(ref, scheme); }
  public OrgUnit orgUnit(String ref, IdScheme scheme) { return orgUnits.get(ref, scheme); }
  public Meta.Program program(String ref, IdScheme scheme) { return programs.get(ref, scheme); }
  public Meta.ProgramStage programStage(String ref, IdScheme scheme) { return programStages.get(ref, scheme); }
  public Meta.TrackedEntityType trackedEntityType(String ref, IdScheme scheme) { return trackedEntityTypes.get(ref, scheme); }
  public Meta.TrackedEntityAttribute trackedEntityAttribute(String ref, IdScheme scheme) {
    return trackedEntityAttributes.get(ref, scheme);
  }
  public Meta.CategoryCombo categoryCombo(String id) { return categoryCombos.byId(id); }
  public Meta.CategoryOption categoryOption(String id) { return categoryOptions.byId(id); }

  public List<OrgUnit> orgUnits() { return orgUnits.all(); }
  public List<Meta.OptionCombo> optionCombos() { return optionCombos.all(); }
  public List<Meta.DataSet> dataSets() { return dataSets.all(); }
  public List<Meta.Program> programs() { return programs.all(); }

  /** Data sets that hold the data element. */
  public List<Meta.DataSet> dataSetsOf(String dataElementId) {
    return dataSetsByElement.getOrDefault(dataElementId, List.of());
  }

  /** The option combos of a category combo. */
  public List<Meta.OptionCombo> optionCombosOf(String categoryComboId) {
    List<Meta.OptionCombo> out = new ArrayList<>();
    for (Meta.OptionCombo c : optionCombos.all()) if (categoryComboId.equals(c.categoryCombo())) out.add(c);
    return out;
  }

  public List<SandboxUser> users() {
    List<SandboxUser> out = new ArrayList<>(usersById.values());
    out.sort((a, b) -> a.username().compareTo(b.username()));
    return out;
  }

  public SandboxUser user(String username) {
    return username == null ? null : usersByName.get(username);
  }

  public SandboxUser userById(String id) {
    return id == null ? null : usersById.get(id);
  }

  /** The units at the top of the hierarchy. */
  public List<OrgUnit> roots() {
    List<OrgUnit> out = new ArrayList<>();
    for (OrgUnit ou : orgUnits.all()) if (ou.parent() == null || orgUnits.byId(ou.parent()) == null) out.add(ou);
    return out;
  }

  // ---- mutation (Java API for tests and flows) -------------------------------------------------

  public synchronized OrgUnit addOrgUnit(String id, String code, String name, String parentId) {
    OrgUnit ou = new OrgUnit(id, code, name, name, parentId, LocalDate.of(2000, 1, 1), null, now());
    orgUnits.put(ou);
    recomputeHierarchy();
    return ou;
  }

  public synchronized void renameOrgUnit(String id, String newName) {
    OrgUnit ou = required(id);
    String oldName = ou.name();
    ou.update(ou.code(), newName, newName, ou.parent(), ou.openingDate(), ou.closedDate(), now());
    orgUnits.reindex(ou, ou.code(), oldName);
  }

  public synchronized void recodeOrgUnit(String id, String newCode) {
    OrgUnit ou = required(id);
    String oldCode = ou.code();
    ou.update(newCode, ou.name(), ou.shortName(), ou.parent(), ou.openingDate(), ou.closedDate(), now());
    orgUnits.reindex(ou, oldCode, ou.name());
  }

  public synchronized void moveOrgUnit(String id, String newParentId) {
    OrgUnit ou = required(id);
    ou.update(ou.code(), ou.name(), ou.shortName(), newParentId, ou.openingDate(), ou.closedDate(), now());
    recomputeHierarchy();
    Instant t = now();
    for (OrgUnit o : orgUnits.all()) if (o != ou && o.isWithin(id)) o.touch(t);
  }

  public synchronized void closeOrgUnit(String id, LocalDate closedDate) {
    OrgUnit ou = required(id);
    ou.update(ou.code(), ou.name(), ou.shortName(), ou.parent(), ou.openingDate(), closedDate, now());
  }

  public synchronized void deleteOrgUnit(String id) {
    required(id);
    orgUnits.remove(id);
    recomputeHierarchy();
  }

  public void disableUser(String username, boolean disabled) {
    SandboxUser u = usersByName.get(username);
    if (u == null) throw new IllegalArgumentException("No such user: " + username);
    u.disabled(disabled, now());
  }

  private OrgUnit required(String id) {
    OrgUnit ou = orgUnits.byId(id);
    if (ou == null) throw new IllegalArgumentException("No such org unit: " + id);
    return ou;
  }

  synchronized void putUser(SandboxUser user) {
    SandboxUser old = usersById.put(user.id(), user);
    if (old != null) usersByName.remove(old.username());
    SandboxUser sameName = usersByName.put(user.username(), user);
    if (sameName != null && !sameName.id().equals(user.id())) usersById.remove(sameName.id());
  }

  // ---- derived state ---------------------------------------------------------------------------

  /** Recomputes paths, levels, data-set indexes and missing option combos after a load. */
  synchronized void refresh() {
    recomputeHierarchy();
    generateMissingOptionCombos();
    Map<String, List<Meta.DataSet>> index = new HashMap<>();
    for (Meta.DataSet ds : dataSets.all()) {
      for (String de : ds.dataElements()) index.computeIfAbsent(de, k -> new ArrayList<>()).add(ds);
    }
    dataSetsByElement = index;
  }

  private void recomputeHierarchy() {
    Map<String, String> paths = new HashMap<>();
    for (OrgUnit ou : orgUnits.all()) {
      String path = pathOf(ou, paths, 0);
      ou.hierarchy(path, path.split("/").length - 1);
    }
  }

  private String pathOf(OrgUnit ou, Map<String, String> memo, int depth) {
    String known = memo.get(ou.id());
    if (known != null) return known;
    OrgUnit parent = orgUnits.byId(ou.parent());
    String path = parent == null || depth > 100 ? "/" + ou.id() : pathOf(parent, memo, depth + 1) + "/" + ou.id();
    memo.put(ou.id(), path);
    return path;
  }

  /** One option combo per combination of options, with a UID derived from the combo and options. */
  private void generateMissingOptionCombos() {
    for (Meta.CategoryCombo cc : categoryCombos.all()) {
      if (cc.id().equals(DEFAULT_CATEGORY_COMBO)) continue;
      Set<Set<String>> existing = new java.util.HashSet<>();
      for (Meta.OptionCombo coc : optionCombosOf(cc.id())) existing.add(coc.options());
      List<List<String>> product = new ArrayList<>();
      product.add(List.of());
      for (String catId : cc.categories()) {
        Meta.Category cat = categories.byId(catId);
        if (cat == null) continue;
        List<List<String>> next = new ArrayList<>();
        for (List<String> prefix : product) {
          for (String opt : cat.options()) {
            List<String> l = new ArrayList<>(prefix);
            l.add(opt);
            next.add(l);
          }
        }
        product = next;
      }
      for (List<String> options : product) {
        if (options.isEmpty() || existing.contains(new LinkedHashSet<>(options))) continue;
        if (existing.contains(Set.copyOf(options))) continue;
        List<String> codes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String o : options) {
          Meta.CategoryOption co = categoryOptions.byId(o);
          codes.add(co == null ? null : co.code());
          names.add(co == null ? o : co.name());
        }
        String code = codes.contains(null) ? null : String.join("_", codes);
        String id = Uids.fromSeed(cc.id() + ":" + String.join(",", options));
        optionCombos.put(new Meta.OptionCombo(id, code, String.join(", ", names), cc.id(), Set.copyOf(options)));
      }
    }
  }

  static <T> List<T> nonNull(Collection<T> c) {
    return c == null ? List.of() : new ArrayList<>(c);
  }
}
