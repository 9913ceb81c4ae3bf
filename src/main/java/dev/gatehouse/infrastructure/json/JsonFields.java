package dev.gatehouse.infrastructure.json;

import dev.gatehouse.protocol.error.FieldProblem;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Typed reading of the members of one JSON object, where a member of the wrong type is a {@link FieldProblem} named
 * after the member, never an exception: the bootstrap file, the admin API and dynamic registration all report every
 * bad field at once. A member that is absent or JSON {@code null} reads as {@code null}.
 */
public final class JsonFields {
  private final JsonObject object;
  private final String prefix;
  private final List<FieldProblem> problems;

  /**
   * @param prefix put before each member name in a problem ({@code "address."}), or empty
   * @param problems where problems are added
   */
  public JsonFields(JsonObject object, String prefix, List<FieldProblem> problems) {
    this.object = object;
    this.prefix = prefix;
    this.problems = problems;
  }

  /** A string member, or null; a required one that is absent is a problem too. */
  public String string(String key, boolean required) {
    JsonValue value = object.get(key);
    if (absent(value)) {
      if (required) {
        problem(key, "is required");
      }
      return null;
    }
    if (!(value instanceof JsonString s)) {
      problem(key, "must be a string");
      return null;
    }
    return s.getString();
  }

  public String string(String key) {
    return string(key, false);
  }

  /** A boolean member, or null. */
  public Boolean flag(String key) {
    JsonValue value = object.get(key);
    if (absent(value)) {
      return null;
    }
    if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
      problem(key, "must be true or false");
      return null;
    }
    return value == JsonValue.TRUE;
  }

  /** An array of strings, or null when absent (or when it is not one, which is a problem). */
  public List<String> strings(String key) {
    JsonValue value = object.get(key);
    if (absent(value)) {
      return null;
    }
    List<String> list = new ArrayList<>();
    if (!(value instanceof JsonArray array)) {
      problem(key, "must be an array of strings");
      return null;
    }
    for (JsonValue item : array) {
      if (!(item instanceof JsonString s)) {
        problem(key, "must be an array of strings");
        return null;
      }
      list.add(s.getString());
    }
    return list;
  }

  /** An object member, or null. */
  public JsonObject object(String key) {
    JsonValue value = object.get(key);
    if (absent(value)) {
      return null;
    }
    if (!(value instanceof JsonObject o)) {
      problem(key, "must be an object");
      return null;
    }
    return o;
  }

  /** The elements of an array of objects; absent is empty; any other element is a problem named {@code key[i]}. */
  public List<JsonObject> objects(String key) {
    List<JsonObject> list = new ArrayList<>();
    JsonValue value = object.get(key);
    if (absent(value)) {
      return list;
    }
    if (!(value instanceof JsonArray array)) {
      problem(key, "must be an array");
      return list;
    }
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i) instanceof JsonObject o) {
        list.add(o);
      } else {
        problem(key + "[" + i + "]", "must be an object");
      }
    }
    return list;
  }

  /**
   * The type problems found while reading, then the rules' problems about other fields: a field that already has a
   * type problem is not reported again by the rules (a badly typed {@code client_id} is not also "required").
   */
  public static List<FieldProblem> merge(List<FieldProblem> typeProblems, List<FieldProblem> ruleProblems) {
    Set<String> typed = typeProblems.stream().map(FieldProblem::field).collect(Collectors.toSet());
    List<FieldProblem> all = new ArrayList<>(typeProblems);
    ruleProblems.stream().filter(p -> !typed.contains(p.field())).forEach(all::add);
    return all;
  }

  public void problem(String key, String reason) {
    problems.add(new FieldProblem(prefix + key, reason));
  }

  private static boolean absent(JsonValue value) {
    return value == null || value.getValueType() == JsonValue.ValueType.NULL;
  }
}
