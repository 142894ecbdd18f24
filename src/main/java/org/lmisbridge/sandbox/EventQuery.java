package org.lmisbridge.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code GET /api/tracker/events}: filters, org unit modes, order (newest inserted first by
 * default), paging, field filtering, id schemes and the answer shape of each version.
 */
final class EventQuery {
  private final Dhis2Sandbox sandbox;

  EventQuery(Dhis2Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  Reply run(Request r) {
    QueryParams q = r.query;
    MetadataStore md = sandbox.metadata();
    Predicate<TrackerEvent> filter = e -> true;
    String program = q.first("program");
    if (program != null) filter = filter.and(e -> program.equals(e.program));
    String stage = q.first("programStage");
    if (stage != null) filter = filter.and(e -> stage.equals(e.programStage));
    String status = q.first("status");
    if (status != null) filter = filter.and(e -> status.equalsIgnoreCase(e.status));
    filter = filter.and(orgUnitFilter(q, r.user, md));
    Instant updatedAfter = TrackerDates.instant(q.first("updatedAfter"));
    if (updatedAfter != null) filter = filter.and(e -> !e.updatedAt.isBefore(updatedAfter));
    Instant updatedBefore = TrackerDates.instant(q.first("updatedBefore"));
    if (updatedBefore != null) filter = filter.and(e -> !e.updatedAt.isAfter(updatedBefore));
    LocalDateTime occurredAfter = TrackerDates.parse(q.first("occurredAfter"));
    if (occurredAfter != null) filter = filter.and(e -> e.occurredAt != null && !e.occurredAt.isBefore(occurredAfter));
    LocalDateTime occurredBefore = TrackerDates.parse(q.first("occurredBefore"));
    if (occurredBefore != null) filter = filter.and(e -> e.occurredAt != null && !e.occurredAt.isAfter(occurredBefore));
    Set<String> uids = new HashSet<>();
    for (String v : q.all("events")) for (String p : v.split("[,;]")) if (!p.isBlank()) uids.add(p.trim());
    if (!uids.isEmpty()) filter = filter.and(e -> uids.contains(e.uid));
    String te = q.first("trackedEntity");
    if (te != null) filter = filter.and(e -> te.equals(e.trackedEntity));
    String enrollment = q.first("enrollments");
    if (enrollment != null) filter = filter.and(e -> enrollment.equals(e.enrollment));

    List<TrackerEvent> all = new ArrayList<>(sandbox.events().all().stream().filter(filter).toList());
    Comparator<TrackerEvent> order = order(q.first("order"));
    if (order != null) all.sort(order);
    Paging paging = Paging.from(q);
    List<TrackerEvent> page = paging.slice(all);
    IdScheme scheme = IdScheme.firstNonNull(IdScheme.parse(q.first("idScheme")), IdScheme.UID);
    FieldFilter fields = FieldFilter.parse(q.first("fields"), "*");
    ArrayNode items = Json.array();
    for (TrackerEvent e : page) items.add(fields.apply(TrackerJson.event(e, md, scheme)));
    return Reply.json(200, TrackerJson.page(sandbox.minorVersion(), "events", items, paging, all.size(),
        q.bool("totalPages", false), r));
  }

  static Predicate<TrackerEvent> orgUnitFilter(QueryParams q, SandboxUser user, MetadataStore md) {
    String ou = q.first("orgUnit");
    if (ou == null) ou = q.first("orgUnits");
    String mode = q.first("orgUnitMode") == null ? q.first("ouMode") : q.first("orgUnitMode");
    if (ou == null) {
      if (mode == null || mode.equalsIgnoreCase("ACCESSIBLE") || mode.equalsIgnoreCase("CAPTURE")) {
        List<String> roots = user == null ? List.of() : user.organisationUnits();
        return e -> within(md, e.orgUnit, roots);
      }
      return e -> true;
    }
    Set<String> selected = Set.of(ou.split("[,;]"));
    String m = mode == null ? "SELECTED" : mode.toUpperCase();
    return switch (m) {
      case "DESCENDANTS" -> e -> within(md, e.orgUnit, List.copyOf(selected));
      case "CHILDREN" -> e -> {
        OrgUnit unit = md.orgUnit(e.orgUnit, IdScheme.UID);
        return unit != null && (selected.contains(unit.id()) || selected.contains(unit.parent()));
      };
      case "ALL" -> e -> true;
      default -> e -> selected.contains(e.orgUnit);
    };
  }

  private static boolean within(MetadataStore md, String ouId, List<String> ancestors) {
    OrgUnit unit = md.orgUnit(ouId, IdScheme.UID);
    return unit != null && ancestors.stream().anyMatch(unit::isWithin);
  }

  private static Comparator<TrackerEvent> order(String spec) {
    if (spec == null || spec.isBlank()) return null;
    Comparator<TrackerEvent> c = null;
    for (String part : spec.split(",")) {
      String[] p = part.trim().split(":");
      Comparator<TrackerEvent> one = switch (p[0]) {
        case "createdAt", "created" -> Comparator.comparing((TrackerEvent e) -> e.createdAt);
        case "updatedAt", "lastUpdated" -> Comparator.comparing((TrackerEvent e) -> e.updatedAt);
        case "occurredAt", "eventDate" -> Comparator.comparing((TrackerEvent e) -> e.occurredAt,
            Comparator.nullsFirst(Comparator.naturalOrder()));
        case "scheduledAt", "dueDate" -> Comparator.comparing((TrackerEvent e) -> e.scheduledAt,
            Comparator.nullsFirst(Comparator.naturalOrder()));
        case "event" -> Comparator.comparing((TrackerEvent e) -> e.uid);
        default -> throw new IllegalArgumentException("Order not supported: `" + p[0] + "`");
      };
      one = one.thenComparingLong(e -> e.sequence);
      if (p.length > 1 && p[1].equalsIgnoreCase("desc")) one = one.reversed();
      c = c == null ? one : c.thenComparing(one);
    }
    return c;
  }

}
