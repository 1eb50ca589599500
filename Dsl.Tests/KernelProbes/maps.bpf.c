#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 32); __type(key, __u32); __type(value, __s64); } out SEC(".maps");
struct lpm4 { __u32 prefixlen; __u32 addr; };
struct { __uint(type, BPF_MAP_TYPE_LPM_TRIE); __uint(max_entries, 1); __uint(map_flags, BPF_F_NO_PREALLOC); __type(key, struct lpm4); __type(value, __u32); } trie SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 1); __type(key, __u32); __type(value, __u32); } hash SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 2); __type(key, __u32); __type(value, __u32); } arr SEC(".maps");

static __always_inline void put(__u32 k, __s64 v) { bpf_map_update_elem(&out, &k, &v, 0); }

SEC("xdp")
int probe2(struct xdp_md *ctx)
{
    put(0, bpf_xdp_adjust_meta(ctx, -36));
    put(1, bpf_xdp_adjust_meta(ctx, 36));
    put(2, bpf_xdp_adjust_meta(ctx, -216));
    put(3, bpf_xdp_adjust_meta(ctx, 216));
    struct lpm4 k1 = {8, 0x0a}, k2 = {8, 0x0b}, k3 = {33, 0};
    __u32 v = 1;
    put(4, bpf_map_update_elem(&trie, &k1, &v, 0));
    put(5, bpf_map_update_elem(&trie, &k2, &v, 0));
    put(6, bpf_map_update_elem(&trie, &k1, &v, 0));
    put(7, bpf_map_update_elem(&trie, &k1, &v, BPF_NOEXIST));
    put(8, bpf_map_update_elem(&trie, &k2, &v, BPF_EXIST));
    put(9, bpf_map_update_elem(&trie, &k3, &v, 0));
    __u32 h1 = 1, h2 = 2;
    put(10, bpf_map_update_elem(&hash, &h1, &v, 0));
    put(11, bpf_map_update_elem(&hash, &h2, &v, 0));
    put(12, bpf_map_update_elem(&hash, &h1, &v, 0));
    put(13, bpf_map_update_elem(&hash, &h1, &v, 3));
    __u32 a0 = 0, a2 = 2;
    put(14, bpf_map_update_elem(&arr, &a2, &v, BPF_NOEXIST));
    put(15, bpf_map_update_elem(&arr, &a0, &v, BPF_NOEXIST));
    put(16, bpf_map_delete_elem(&arr, &a0));
    put(17, bpf_map_delete_elem(&hash, &h2));
    put(18, bpf_map_delete_elem(&trie, &k2));
    return XDP_PASS;
}
char LICENSE[] SEC("license") = "GPL";
