package org.lmisbridge.requisitions;

/** An LMIS store as the fetch sees it: its id, code and supplying store (null for none). */
public record StoreRef(long id, String code, Long supplyingStoreId) {
}
