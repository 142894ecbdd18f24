package org.lmisbridge.sandbox;

import java.time.Instant;
import java.util.List;

/** A DHIS2 user as the sandbox knows it; mutable so tests can disable it. */
public final class SandboxUser {
  private final String id;
  private final String username;
  private volatile String password;
  private volatile String firstName;
  private volatile String surname;
  private volatile String email;
  private volatile String phoneNumber;
  private volatile boolean disabled;
  private volatile List<String> organisationUnits;
  private volatile List<String> dataViewOrganisationUnits;
  private volatile List<String> authorities;
  private volatile Instant lastUpdated;

  SandboxUser(String id, String username, String password, String firstName, String surname,
      String email, String phoneNumber, boolean disabled, List<String> organisationUnits,
      List<String> dataViewOrganisationUnits, List<String> authorities, Instant now) {
    this.id = id;
    this.username = username;
    this.password = password;
    this.firstName = firstName;
    this.surname = surname;
    this.email = email;
    this.phoneNumber = phoneNumber;
    this.disabled = disabled;
    this.organisationUnits = List.copyOf(organisationUnits);
    this.dataViewOrganisationUnits = List.copyOf(dataViewOrganisationUnits);
    this.authorities = List.copyOf(authorities);
    this.lastUpdated = now;
  }

  public String id() { return id; }
  public String username() { return username; }
  String password() { return password; }
  public String firstName() { return firstName; }
  public String surname() { return surname; }
  public String email() { return email; }
  public String phoneNumber() { return phoneNumber; }
  public boolean disabled() { return disabled; }
  public List<String> organisationUnits() { return organisationUnits; }
  public List<String> dataViewOrganisationUnits() { return dataViewOrganisationUnits; }
  public List<String> authorities() { return authorities; }
  public Instant lastUpdated() { return lastUpdated; }

  /** Changes the password, as an administrator would in DHIS2 (tests use it to make credentials go stale). */
  public void password(String password) { this.password = password; }

  /** Replaces the user's authorities, as a DHIS2 administrator changing the user's roles would. */
  public void authorities(List<String> authorities) { this.authorities = List.copyOf(authorities); }

  void disabled(boolean disabled, Instant now) {
    this.disabled = disabled;
    this.lastUpdated = now;
  }

  void organisationUnits(List<String> ous, Instant now) {
    this.organisationUnits = List.copyOf(ous);
    this.dataViewOrganisationUnits = List.copyOf(ous);
    this.lastUpdated = now;
  }

  void update(String firstName, String surname, String email, String phoneNumber, Instant now) {
    this.firstName = firstName;
    this.surname = surname;
    this.email = email;
    this.phoneNumber = phoneNumber;
    this.lastUpdated = now;
  }
}
