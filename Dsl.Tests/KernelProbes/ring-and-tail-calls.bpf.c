#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 32); __type(key, __u32); __type(value, __s64); } out SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_RINGBUF); __uint(max_entries, 4096); } rb1 SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_RINGBUF); __uint(max_entries, 4096); } rb2 SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_PROG_ARRAY); __uint(max_entries, 2); __type(key, __u32); __type(value, __u32); } jt SEC(".maps");

static __always_inline void put(__u32 k, __s64 v) { bpf_map_update_elem(&out, &k, &v, 0); }
static __always_inline void inc(__u32 k) { __s64 *v = bpf_map_lookup_elem(&out, &k); if (v) *v += 1; }

SEC("xdp")
int ring(struct xdp_md *ctx)
{
    __u8 one = 1;
    __u64 two[2] = {1, 2};
    int n = 0;
    for (int i = 0; i < 400; i++) { if (bpf_ringbuf_output(&rb1, &one, 1, 0) != 0) break; n++; }
    put(0, n);
    n = 0;
    for (int i = 0; i < 400; i++) { if (bpf_ringbuf_output(&rb2, two, 16, 0) != 0) break; n++; }
    put(1, n);
    put(2, bpf_ringbuf_output(&rb2, two, 16, 0));
    return XDP_PASS;
}

/* slot 0 holds this program; slot 1 stays empty */
SEC("xdp")
int chain(struct xdp_md *ctx)
{
    __u32 k = 3;
    __s64 *runs = bpf_map_lookup_elem(&out, &k);
    if (!runs) return XDP_ABORTED;
    *runs += 1;
    if (*runs == 1) {
        /* first run: 10 attempts on the empty slot, then self-calls until refused */
        for (int i = 0; i < 10; i++) bpf_tail_call(ctx, &jt, 1);
    }
    bpf_tail_call(ctx, &jt, 0);
    return XDP_DROP;
}
char LICENSE[] SEC("license") = "GPL";
