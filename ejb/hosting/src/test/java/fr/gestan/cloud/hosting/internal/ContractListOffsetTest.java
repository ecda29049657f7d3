package fr.gestan.cloud.hosting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code HostingContracts.list} asks for no offset on the first page (docs/performance.md 4.52): Hibernate keeps one SQL
 * translation per query text and makes it again whenever a call differs from the previous one in having an offset,
 * and the client's dashboard reads the same query without one (its recovery and servers tiles), so an offset of 0
 * from the compliance tile's call made the translation twice per dashboard view.
 */
class ContractListOffsetTest {

    private final List<String> calls = new ArrayList<>();

    private HostingContractsBean bean() {
        TypedQuery<?> query = (TypedQuery<?>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TypedQuery.class},
                (p, m, args) -> {
                    switch (m.getName()) {
                        case "setFirstResult", "setMaxResults", "setParameter" -> {
                            calls.add(m.getName() + " " + args[args.length - 1]);
                            return p;
                        }
                        case "getResultList" -> {
                            calls.add("getResultList");
                            return List.of();
                        }
                        default -> throw new UnsupportedOperationException(m.getName());
                    }
                });
        HostingContractsBean bean = new HostingContractsBean();
        bean.em = (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EntityManager.class},
                (p, m, args) -> {
                    if (m.getName().equals("createNamedQuery")) {
                        calls.add("query " + args[0]);
                        return query;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        return bean;
    }

    @Test
    void the_first_page_of_a_tenants_contracts_is_asked_without_an_offset() {
        bean().list("842317653", 0, 500);
        assertEquals(List.of("query " + HostingContract.PAGE_OF_TENANT, "setParameter 842317653", "setMaxResults 500", "getResultList"), calls);
    }

    @Test
    void a_later_page_keeps_its_offset() {
        bean().list("842317653", 25, 25);
        assertEquals(List.of("query " + HostingContract.PAGE_OF_TENANT, "setParameter 842317653", "setFirstResult 25", "setMaxResults 25",
                "getResultList"), calls);
    }

    @Test
    void every_tenants_first_page_too() {
        bean().list(null, 0, 25);
        assertEquals(List.of("query " + HostingContract.PAGE, "setMaxResults 25", "getResultList"), calls);
    }
}
