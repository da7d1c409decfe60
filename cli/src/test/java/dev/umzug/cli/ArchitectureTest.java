package dev.umzug.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.umzug.engine.spi.RewriteRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The module boundaries hold")
class ArchitectureTest {

  private static final com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass>
      ENGINE_OUTSIDE_SPI =
          com.tngtech.archunit.base.DescribedPredicate.describe(
              "engine classes outside engine.spi",
              c -> c.getPackageName().startsWith("dev.umzug.engine")
                  && !c.getPackageName().startsWith("dev.umzug.engine.spi"));

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.umzug");
  }

  @Test
  @DisplayName("providers reach into the engine only through engine.spi")
  void providersUseOnlyTheSpi() {
    noClasses()
        .that().resideInAPackage("dev.umzug.providers..")
        .should().dependOnClassesThat(
            ENGINE_OUTSIDE_SPI)
        .check(classes);
  }

  @Test
  @DisplayName("the engine knows neither the providers nor the command line")
  void engineIsIndependent() {
    noClasses()
        .that().resideInAPackage("dev.umzug.engine..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.umzug.providers..", "dev.umzug.cli..", "picocli..")
        .check(classes);
  }

  @Test
  @DisplayName("the extension interfaces depend on nothing else in the engine")
  void spiStandsAlone() {
    noClasses()
        .that().resideInAPackage("dev.umzug.engine.spi..")
        .should().dependOnClassesThat(
            ENGINE_OUTSIDE_SPI)
        .check(classes);
  }

  @Test
  @DisplayName("the command line never uses a provider class directly")
  void cliDoesNotUseProviders() {
    noClasses()
        .that().resideInAPackage("dev.umzug.cli..")
        .should().dependOnClassesThat().resideInAPackage("dev.umzug.providers..")
        .check(classes);
  }

  @Test
  @DisplayName("every rewrite rule class is named verb, object, Rule")
  void rulesAreNamedRule() {
    classes()
        .that().implement(RewriteRule.class).and().areNotInterfaces()
        .and().doNotHaveModifier(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT)
        .should().haveSimpleNameEndingWith("Rule")
        .check(classes);
  }
}
