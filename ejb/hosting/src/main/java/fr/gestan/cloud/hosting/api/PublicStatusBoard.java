package fr.gestan.cloud.hosting.api;

/**
 * The public status board as /status and its JSON show it to everyone: {@link ServerStatus#publicStatus()}, computed
 * at most once every few seconds on a node rather than once per view, and afresh as soon as this node writes what it
 * is computed from (a server, an incident, a maintenance) or a silent server reports again. Anyone.
 */
public interface PublicStatusBoard {

    PublicStatusView current();
}
