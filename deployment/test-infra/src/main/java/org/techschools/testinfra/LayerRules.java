package org.techschools.testinfra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.techschools.commons.paging.KeysetCursor;
import org.techschools.commons.paging.NewestFirstPage;
import org.techschools.commons.persistence.PlainSql;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * The layering every service follows (ARCHITECTURE.md, "Package layout"): calls go {@code rest → service → domain},
 * a resource never touches an entity, and SQL that Hibernate does not translate lives in {@code domain/}. Each
 * service's {@code LayersTest} checks its own compiled classes with these rules, so a leak fails the build.
 */
public final class LayerRules {

    private LayerRules() {
    }

    /** Checks the main classes under {@code servicePackage} (e.g. {@code org.techschools.quota}). */
    public static void check(String servicePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
        rules(servicePackage).check(classes);
    }

    static ArchRule rules(String base) {
        String rest = base + ".rest..";
        String service = base + ".service..";
        String domain = base + ".domain..";
        String messaging = base + ".messaging..";
        String config = base + ".config..";
        return CompositeArchRule.of(List.of(
                noClasses().that().resideInAnyPackage(service, domain, messaging, config)
                        .should().dependOnClassesThat().resideInAPackage(rest)
                        .because("request and view types belong to rest/; a service takes commands and returns"
                                + " read models"),
                noClasses().that().resideInAPackage(domain)
                        .should().dependOnClassesThat().resideInAnyPackage(service, messaging)
                        .because("calls go rest -> service -> domain"),
                noClasses().that().resideInAPackage(rest)
                        .should().dependOnClassesThat().areAnnotatedWith(Entity.class)
                        .because("a resource or page maps what a service returns; it never touches an entity"),
                noClasses().that().resideOutsideOfPackage(domain)
                        .should().dependOnClassesThat().belongToAnyOf(PlainSql.class, Session.class)
                        // A service may catch SQLException (to wait out an outage), but not hold a connection.
                        .orShould().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("java.sql..")
                                .and(DescribedPredicate.not(JavaClass.Predicates.assignableTo(SQLException.class))))
                        .orShould().callMethod(NewestFirstPage.class, "of", EntityManager.class, String.class,
                                String.class, Map.class, KeysetCursor.class, int.class)
                        .because("SQL lives in domain/ repositories and queries"),
                noClasses().that().resideOutsideOfPackage(domain)
                        .should().callMethodWhere(JavaCall.Predicates.target(
                                HasName.Predicates.name("createNativeQuery")))
                        .because("SQL lives in domain/ repositories and queries")));
    }
}
