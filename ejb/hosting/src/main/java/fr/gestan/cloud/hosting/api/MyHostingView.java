package fr.gestan.cloud.hosting.api;

import java.util.List;

/**
 * The client's hosting at a glance (the portal dashboard's tile): its estimated recovery, one per active contract
 * ({@code RecoveryPlans.myRecovery}), and the status of its own servers ({@code ServerStatus.myServers}).
 */
public record MyHostingView(List<MyRecoveryView> recovery, List<ComponentStatusView> servers) implements java.io.Serializable {
}
