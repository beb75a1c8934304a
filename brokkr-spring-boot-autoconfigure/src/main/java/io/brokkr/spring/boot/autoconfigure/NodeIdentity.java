package io.brokkr.spring.boot.autoconfigure;

/**
 * What the health indicator and the endpoint say about the application's node.
 *
 * @param nodeId the node's id, as its leases and the live nodes name it
 * @param store {@code redis} or {@code in-memory}
 */
record NodeIdentity(String nodeId, String store) {}
