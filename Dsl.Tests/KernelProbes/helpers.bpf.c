#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 32); __type(key, __u32); __type(value, __s64); } out SEC(".maps");

static __always_inline void put(__u32 k, __s64 v) { bpf_map_update_elem(&out, &k, &v, 0); }

SEC("xdp")
int probe(struct xdp_md *ctx)
{
    __u32 a[2] = {0x12345678, 0x9abcdef0};
    __u32 b[2] = {0xffffffff, 0xffff0000};
    put(0, bpf_csum_diff(0, 0, a, 8, 0));
    put(1, bpf_csum_diff(0, 0, b, 8, 0));
    put(2, bpf_csum_diff(a, 8, b, 8, 0));
    put(3, bpf_csum_diff(0, 0, a, 8, 0xffffffff));
    /* meta limits */
    put(4, bpf_xdp_adjust_meta(ctx, -252));
    put(5, bpf_xdp_adjust_meta(ctx, 252));
    put(6, bpf_xdp_adjust_meta(ctx, -256));
    put(7, bpf_xdp_adjust_meta(ctx, -2));
    /* head limits: how far can data go down */
    void *data = (void *)(long)ctx->data;
    put(8, (long)ctx->data - (long)ctx->data_meta);
    int lo = 0;
    for (int d = 0; d < 600; d += 1) { if (bpf_xdp_adjust_head(ctx, -1) != 0) break; lo++; }
    put(9, lo);
    put(10, bpf_xdp_adjust_head(ctx, lo));
    int hi = 0;
    for (int d = 0; d < 5000; d += 1) { if (bpf_xdp_adjust_tail(ctx, 1) != 0) break; hi++; }
    put(11, hi);
    put(12, (long)ctx->data_end - (long)ctx->data);
    return XDP_PASS;
}
char LICENSE[] SEC("license") = "GPL";
