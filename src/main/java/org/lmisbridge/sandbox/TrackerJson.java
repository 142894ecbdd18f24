package org.lmisbridge.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/** How the tracker API writes events, tracked entities and pages, per version. */
final class TrackerJson {
  private TrackerJson() {}

  static ObjectNode event(TrackerEvent e, MetadataStore md, IdScheme scheme) {
    ObjectNode n = Json.object();
    n.put("event", e.uid);
    n.put("status", e.status);
    n.put("program", ref(md.program(e.program, IdScheme.UID), e.program, scheme));
    n.put("programStage", ref(md.programStage(e.programStage, IdScheme.UID), e.programStage, scheme));
    if (e.enrollment != null) n.put("enrollment", e.enrollment);
    if (e.trackedEntity != null) n.put("trackedEntity", e.trackedEntity);
    n.put("orgUnit", ref(md.orgUnit(e.orgUnit, IdScheme.UID), e.orgUnit, scheme));
    n.putArray("relationships");
    if (e.occurredAt != null) n.put("occurredAt", TrackerDates.format(e.occurredAt));
    if (e.scheduledAt != null) n.put("scheduledAt", TrackerDates.format(e.scheduledAt));
    n.put("followUp", false);
    n.put("deleted", false);
    n.put("createdAt", ts(e.createdAt));
    n.put("updatedAt", ts(e.updatedAt));
    n.put("attributeOptionCombo", ref(md.optionCombo(e.attributeOptionCombo, IdScheme.UID), e.attributeOptionCombo, scheme));
    n.put("attributeCategoryOptions", MetadataStore.DEFAULT_CATEGORY_OPTION);
    if (e.completedAt != null) {
      n.put("completedBy", e.completedBy);
      n.put("completedAt", ts(e.completedAt));
    }
    n.set("createdBy", user(md, e.createdBy));
    n.set("updatedBy", user(md, e.updatedBy));
    ArrayNode values = n.putArray("dataValues");
    for (Map.Entry<String, TrackerEvent.Value> v : e.dataValues.entrySet()) {
      ObjectNode o = values.addObject();
      o.put("createdAt", ts(v.getValue().createdAt()));
      o.put("updatedAt", ts(v.getValue().updatedAt()));
      o.put("storedBy", v.getValue().storedBy());
      o.put("providedElsewhere", false);
      o.put("dataElement", ref(md.dataElement(v.getKey(), IdScheme.UID), v.getKey(), scheme));
      o.put("value", v.getValue().value());
      o.set("createdBy", user(md, v.getValue().storedBy()));
      o.set("updatedBy", user(md, v.getValue().storedBy()));
    }
    n.putArray("notes");
    return n;
  }

  static ObjectNode trackedEntity(TrackedEntity te, TrackerStore store, MetadataStore md, IdScheme scheme) {
    ObjectNode n = Json.object();
    n.put("trackedEntity", te.uid);
    n.put("trackedEntityType", ref(md.trackedEntityType(te.trackedEntityType, IdScheme.UID), te.trackedEntityType, scheme));
    n.put("createdAt", ts(te.createdAt));
    n.put("updatedAt", ts(te.updatedAt));
    n.put("orgUnit", ref(md.orgUnit(te.orgUnit, IdScheme.UID), te.orgUnit, scheme));
    n.put("inactive", false);
    n.put("deleted", false);
    n.put("potentialDuplicate", false);
    ArrayNode attrs = n.putArray("attributes");
    te.attributes.forEach((id, value) -> {
      Meta.TrackedEntityAttribute a = md.trackedEntityAttribute(id, IdScheme.UID);
      ObjectNode o = attrs.addObject();
      o.put("attribute", ref(a, id, scheme));
      if (a != null && a.code() != null) o.put("code", a.code());
      o.put("displayName", a == null ? id : a.name());
      o.put("valueType", a == null ? "TEXT" : a.valueType());
      o.put("value", value);
    });
    ArrayNode ens = n.putArray("enrollments");
    for (Enrollment en : store.enrollments()) {
      if (!te.uid.equals(en.trackedEntity)) continue;
      ens.addObject().put("enrollment", en.uid).put("program", en.program).put("orgUnit", en.orgUnit)
          .put("status", en.status).put("enrolledAt", TrackerDates.format(en.enrolledAt));
    }
    return n;
  }

  /** The page around the items: 2.42 {pager, key}; 2.41 also the flat fields; 2.39/2.40 {page,..., instances}. */
  static ObjectNode page(int minor, String key, ArrayNode items, Paging paging, int total, boolean totalPages, Request r) {
    ObjectNode n = Json.object();
    String itemsKey = minor <= 40 ? "instances" : key;
    if (!paging.enabled()) {
      n.set(itemsKey, items);
      return n;
    }
    int pageCount = paging.pageCount(total);
    if (minor >= 41) {
      ObjectNode pager = n.putObject("pager");
      pager.put("page", paging.page()).put("pageSize", paging.pageSize());
      if (totalPages) pager.put("total", total).put("pageCount", pageCount);
      if (paging.page() > 1) pager.put("prevPage", Paging.link(r, paging.page() - 1));
      if (paging.page() * paging.pageSize() < total) pager.put("nextPage", Paging.link(r, paging.page() + 1));
    }
    if (minor <= 41) {
      n.put("page", paging.page()).put("pageSize", paging.pageSize());
      if (totalPages) n.put("total", total).put("pageCount", pageCount);
    }
    n.set(itemsKey, items);
    return n;
  }

  private static String ref(Meta.Identified o, String fallback, IdScheme scheme) {
    return o == null ? fallback : o.ref(scheme);
  }

  private static ObjectNode user(MetadataStore md, String username) {
    SandboxUser u = md.user(username);
    ObjectNode o = Json.object();
    o.put("uid", u == null ? Uids.fromSeed("user:" + username) : u.id());
    o.put("username", username);
    o.put("firstName", u == null ? username : u.firstName());
    o.put("surname", u == null ? username : u.surname());
    return o;
  }

  static String ts(Instant t) {
    return t == null ? null : Json.TIMESTAMP.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
  }
}
