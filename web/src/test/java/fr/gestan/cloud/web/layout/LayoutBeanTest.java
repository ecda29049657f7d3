package fr.gestan.cloud.web.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LayoutBeanTest {

    @Test
    void plug_ins_come_in_file_name_order_and_only_facelets() {
        assertEquals(List.of("/WEB-INF/tiles/admin/10-tenants.xhtml", "/WEB-INF/tiles/admin/20-datacentres.xhtml",
                        "/WEB-INF/tiles/admin/90-journal.xhtml"),
                LayoutBean.sorted(Set.of("/WEB-INF/tiles/admin/90-journal.xhtml", "/WEB-INF/tiles/admin/README.txt",
                        "/WEB-INF/tiles/admin/10-tenants.xhtml", "/WEB-INF/tiles/admin/20-datacentres.xhtml")));
        assertEquals(List.of(), LayoutBean.sorted(null), "a folder that does not exist: no tiles");
    }

    @Test
    void an_unknown_area_has_no_plug_ins() {
        LayoutBean layout = new LayoutBean();
        assertEquals(List.of(), layout.tiles("../secret"));
        assertEquals(List.of(), layout.navigation(null));
    }

    @Test
    void one_navigation_entry_is_current_the_exact_outcome_else_the_longest_prefix() {
        java.util.List<LayoutBean.NavTarget> targets = new java.util.ArrayList<>();
        targets.addAll(LayoutBean.parse("<gt:navItem outcome=\"/admin/compliance/index\" label=\"#{cmsg['nav.compliance']}\" prefix=\"/admin/compliance\"/>"));
        targets.addAll(LayoutBean.parse("<gt:navItem outcome=\"/admin/compliance/certificates\" label=\"x\"/>"));
        targets.addAll(LayoutBean.parse("<gt:navItem outcome=\"/admin/documents\" label=\"x\" prefix=\"/admin/documents\"/>"));
        org.junit.jupiter.api.Assertions.assertEquals("/admin/compliance/certificates", LayoutBean.current(targets, "/admin/compliance/certificates.xhtml"));
        org.junit.jupiter.api.Assertions.assertEquals("/admin/compliance/index", LayoutBean.current(targets, "/admin/compliance/tenant.xhtml"));
        org.junit.jupiter.api.Assertions.assertEquals("/admin/documents", LayoutBean.current(targets, "/admin/documents.xhtml"));
        org.junit.jupiter.api.Assertions.assertEquals(null, LayoutBean.current(targets, "/admin/tenants/edit.xhtml"));
    }
}
