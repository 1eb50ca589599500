#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 32); __type(key, __u32); __type(value, __s64); } out SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_DEVMAP); __uint(max_entries, 4); __type(key, __u32); __type(value, __u32); } ports SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_PERCPU_HASH); __uint(max_entries, 4); __type(key, __u32); __type(value, __u64); } pch SEC(".maps");

static __always_inline void put(__u32 k, __s64 v) { bpf_map_update_elem(&out, &k, &v, 0); }

SEC("xdp")
int helpers(struct xdp_md *ctx)
{
    char buf[4];
    static const char f1[] = "%d %u %x";
    static const char f2[] = "%lld%% of %llx";
    put(0, bpf_redirect(3, 1));
    put(1, bpf_redirect(3, 0));
    put(2, bpf_redirect_map(&ports, 0, XDP_PASS));
    put(3, bpf_redirect_map(&ports, 9, XDP_DROP));
    put(4, bpf_redirect_map(&ports, 0, 4));
    put(5, bpf_xdp_load_bytes(ctx, 57, buf, 4));
    put(6, bpf_xdp_load_bytes(ctx, 56, buf, 4));
    put(7, bpf_trace_printk(f1, sizeof(f1), -1, -1, 255));
    put(8, bpf_trace_printk(f2, sizeof(f2), -5, 0x100000000LL));
    __u32 k = 9; __u64 v = 99;
    put(9, bpf_map_update_elem(&pch, &k, &v, 0));
    put(10, bpf_get_smp_processor_id());
    return XDP_PASS;
}
char LICENSE[] SEC("license") = "GPL";
