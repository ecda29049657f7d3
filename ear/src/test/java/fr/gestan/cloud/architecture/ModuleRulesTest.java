package fr.gestan.cloud.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModuleRulesTest {

    private static String table(String... rows) {
        return "# doc\n" + ModuleRules.BEGIN + "\n| module | may use |\n| --- | --- |\n" + String.join("\n", rows)
                + "\n" + ModuleRules.END + "\n";
    }

    @Test
    void reads_the_table_between_the_markers() {
        Map<String, Set<String>> rules = ModuleRules.parse(table(
                "| common | nothing of the project |", "| security | common |", "| web | common, security |"));
        assertEquals(Map.of("common", Set.of(), "security", Set.of("common"), "web", Set.of("common", "security")), rules);
    }

    @Test
    void refuses_a_table_that_names_an_unlisted_module_or_is_missing() {
        assertThrows(IllegalArgumentException.class, () -> ModuleRules.parse(table("| web | common |")));
        assertThrows(IllegalArgumentException.class, () -> ModuleRules.parse("no table here"));
        assertThrows(IllegalArgumentException.class, () -> ModuleRules.parse(table(
                "| common | nothing of the project |", "| common | nothing of the project |")));
    }

    @Test
    void the_documented_rules_name_the_project_modules() {
        assertEquals(Set.of("common", "security", "tenants", "hosting", "compliance", "notifications", "web"),
                ModuleBoundariesTest.ALLOWED.keySet());
    }
}
