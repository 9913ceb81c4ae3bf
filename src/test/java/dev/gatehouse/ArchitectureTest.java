package dev.gatehouse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.lang.annotation.Annotation;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house's layer rules, checked on the compiled classes: ArchUnit reads the bytecode, so a fully qualified name, a
 * static import or a wildcard cannot slip past as it could past a regex over the source.
 *
 * <pre>
 *   web                    the edge: servlets, JAX-RS resources, filters, pages
 *    └ application         @Stateless/@Singleton services by feature: the only transaction boundary
 *       └ infrastructure   what talks to something outside the JVM: persistence (JPA), directory (LDAP), http,
 *          │               cluster, cache, config, json, files, logging
 *          └ protocol      plain Java: every OAuth/OIDC rule and decision, and the storage ports
 * </pre>
 *
 * <p>Each layer may use the ones below it, never one above. The protocol uses nothing of the container and does not
 * log; only the persistence adapter sees JPA entities; only the application declares transactions; after-commit work
 * is a CDI transactional observer, never a hand-registered JTA {@code Synchronization}.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.gatehouse");
  }

  @Test
  void nothingImportsUpward() {
    check(layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("web").definedBy("dev.gatehouse.web..")
        .layer("application").definedBy("dev.gatehouse.application..")
        .layer("infrastructure").definedBy("dev.gatehouse.infrastructure..")
        .layer("protocol").definedBy("dev.gatehouse.protocol..")
        .whereLayer("web").mayNotBeAccessedByAnyLayer()
        .whereLayer("application").mayOnlyBeAccessedByLayers("web")
        .whereLayer("infrastructure").mayOnlyBeAccessedByLayers("web", "application"));
  }

  @Test
  void protocolUsesNothingOfTheContainer() {
    // The JDK's javax.crypto (HMAC, AES) is plain Java; Nimbus JOSE+JWT is the one library the protocol builds on.
    check(classes().that().resideInAPackage("dev.gatehouse.protocol..")
        .should().onlyDependOnClassesThat().resideInAnyPackage(
            "dev.gatehouse.protocol..", "java..", "javax.crypto..", "com.nimbusds.."));
  }

  @Test
  void protocolDoesNotLog() {
    check(noClasses().that().resideInAPackage("dev.gatehouse.protocol..")
        .should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.slf4j..")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.System$Logger")
        .orShould().accessField(System.class, "out")
        .orShould().accessField(System.class, "err")
        .orShould().callMethod(Throwable.class, "printStackTrace"));
  }

  @Test
  void onlyThePersistenceAdapterSeesEntities() {
    check(noClasses().that().resideOutsideOfPackage("dev.gatehouse.infrastructure.persistence..")
        .should().dependOnClassesThat().resideInAPackage("dev.gatehouse.infrastructure.persistence.entity.."));
  }

  @Test
  void onlyTheApplicationDeclaresTransactions() {
    check(noClasses().that().resideOutsideOfPackage("dev.gatehouse.application..")
        .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.ejb.TransactionAttribute")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.ejb.TransactionManagement")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.transaction.Transactional")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.transaction.UserTransaction"));
  }

  @Test
  void afterCommitWorkIsOnlyTransactionalObservers() {
    // One mechanism (application/package-info): an event observed during AFTER_SUCCESS, never a hand-made JTA callback.
    check(noClasses().should().implement(Synchronization.class)
        .orShould().callMethod(TransactionSynchronizationRegistry.class, "registerInterposedSynchronization",
            Synchronization.class)
        .orShould().callMethod(Transaction.class, "registerSynchronization", Synchronization.class));
  }

  @Test
  void resourceMethodsTakeOnlyWhatEveryJaxRsRuntimeInjects() {
    // Jersey (Payara) injects a ContainerRequestContext into a resource method; RESTEasy (WildFly) answers 500
    // (RESTEASY003880). Filters hand their results over as request properties, read from the HttpServletRequest.
    List<Class<? extends Annotation>> httpMethods = List.of(
        GET.class, POST.class, PUT.class, DELETE.class, PATCH.class, HEAD.class, OPTIONS.class);
    check(methods().that().areDeclaredInClassesThat().resideInAPackage("dev.gatehouse.web..")
        .should(new ArchCondition<JavaMethod>("not be a resource method taking a ContainerRequestContext") {
          @Override
          public void check(JavaMethod method, ConditionEvents events) {
            boolean resourceMethod = httpMethods.stream().anyMatch(method::isAnnotatedWith);
            if (resourceMethod && method.getRawParameterTypes().stream()
                .anyMatch(t -> t.isEquivalentTo(ContainerRequestContext.class))) {
              events.add(SimpleConditionEvent.violated(method, method.getFullName()));
            }
          }
        }));
  }

  @Test
  void nothingCreatesAnHttpSession() {
    // Pages hand state to each other in sealed cookies of Gatehouse's own (protocol/support/Seal), made alike on every
    // server; the container's session cookie would not be (Payara 6 drops its SameSite).
    check(noClasses().should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
        "HttpServletRequest.getSession or changeSessionId", call -> call.getTarget().getOwner()
            .isAssignableTo(jakarta.servlet.http.HttpServletRequest.class)
            && (call.getName().equals("getSession") || call.getName().equals("changeSessionId"))))
        .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.servlet.http.HttpSession"));
  }

  @Test
  void theRulesSeeTheWholeHouse() {
    // A rule over no classes would pass without looking: fail if the import found too little (a wrong root, say).
    assertTrue(classes.size() > 300, "expected the whole house, imported " + classes.size() + " classes");
    assertTrue(classes.contain("dev.gatehouse.application.oauth.TokenService"));
    assertTrue(classes.contain("dev.gatehouse.infrastructure.persistence.entity.GrantEntity"));
  }

  private static void check(ArchRule rule) {
    rule.check(classes);
  }
}
