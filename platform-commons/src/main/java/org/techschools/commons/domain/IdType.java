package org.techschools.commons.domain;

/** 证件类型: 居民身份证, 港澳居民来往内地通行证/居住证, 台湾居民来往大陆通行证, 护照. */
public enum IdType {
    RESIDENT_ID,
    HK_MACAU_PERMIT,
    TAIWAN_PERMIT,
    PASSPORT
}
