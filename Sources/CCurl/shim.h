#ifndef MIMI_HARNESS_CCURL_SHIM_H
#define MIMI_HARNESS_CCURL_SHIM_H
// Typed wrappers around libcurl's variadic curl_easy_setopt/curl_easy_getinfo, which Swift cannot call directly,
// and around macros the Clang importer does not bring into Swift (CURL_GLOBAL_DEFAULT, CURL_ERROR_SIZE).
#include <curl/curl.h>

/// curl_global_init(CURL_GLOBAL_DEFAULT); call once per process before any easy handle is created.
static inline CURLcode ccurl_global_init_default(void) { return curl_global_init(CURL_GLOBAL_DEFAULT); }
/// Size libcurl requires of a CURLOPT_ERRORBUFFER buffer.
static inline size_t ccurl_error_size(void) { return CURL_ERROR_SIZE; }

static inline CURLcode ccurl_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode ccurl_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode ccurl_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode ccurl_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode ccurl_setopt_off_t(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
typedef size_t (*ccurl_write_cb)(char *ptr, size_t size, size_t nmemb, void *userdata);
static inline CURLcode ccurl_setopt_write_cb(CURL *h, CURLoption o, ccurl_write_cb cb) { return curl_easy_setopt(h, o, cb); }
typedef int (*ccurl_xferinfo_cb)(void *clientp, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow);
static inline CURLcode ccurl_setopt_xferinfo_cb(CURL *h, CURLoption o, ccurl_xferinfo_cb cb) { return curl_easy_setopt(h, o, cb); }
static inline CURLcode ccurl_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode ccurl_getinfo_double(CURL *h, CURLINFO i, double *v) { return curl_easy_getinfo(h, i, v); }

#endif
