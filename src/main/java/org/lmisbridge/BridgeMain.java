package org.lmisbridge;
public class BridgeMain { public static void main(String[] a) {} }
