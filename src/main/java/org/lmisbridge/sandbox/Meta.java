package org.lmisbridge.sandbox;

import java.util.List;
import java.util.Set;

/** The metadata objects the sandbox keeps, as small immutable records. */
public final class Meta {
  private Meta() {}

  /** Anything with a UID, a code and a name. */
  public interface Identified {
    String id();

    String code();

    String name();

    /** The reference to this object under an id scheme. */
    default String ref(IdScheme scheme) {
      String r = switch (scheme == null ? IdScheme.UID : scheme) {
        case UID -> id();
        case CODE -> code();
        case NAME -> name();
      };
      return r != null ? r : id();
    }
  }

  public record CategoryOption(String id, String code, String name) implements Identified {}

  public record Category(String id, String code, String name, List<String> options) implements Identified {}

  public record CategoryCombo(String id, String code, String name, List<String> categories) implements Identified {}

  /** A category option combo; {@code options} are category option UIDs. */
  public record OptionCombo(String id, String code, String name, String categoryCombo, Set<String> options)
      implements Identified {}

  public record DataElement(String id, String code, String name, String valueType, String categoryCombo,
      boolean zeroIsSignificant, String aggregationType, String domainType) implements Identified {

    boolean numeric() {
      return valueType.startsWith("INTEGER") || valueType.equals("NUMBER")
          || valueType.equals("PERCENTAGE") || valueType.equals("UNIT_INTERVAL");
    }
  }

  public record DataSet(String id, String code, String name, String periodType, int openFuturePeriods,
      String categoryCombo, Set<String> dataElements, Set<String> orgUnits) implements Identified {}

  public record Program(String id, String code, String name, String programType, String trackedEntityType,
      Set<String> orgUnits, List<String> stages, List<String> attributes) implements Identified {

    boolean withRegistration() {
      return "WITH_REGISTRATION".equals(programType);
    }
  }

  public record ProgramStage(String id, String code, String name, String program, boolean repeatable,
      Set<String> dataElements) implements Identified {}

  public record TrackedEntityType(String id, String code, String name) implements Identified {}

  public record TrackedEntityAttribute(String id, String code, String name, String valueType, boolean unique)
      implements Identified {}
}
