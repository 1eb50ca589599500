// SPDX-License-Identifier: GPL-2.0
/*
 * The C twin of Programs/Sampler (`[XdpSlot(1)] Sampler`, issue 4, decision 5): one packet in `every` per CPU
 * (a per-CPU counter; 0: off) is copied, up to the snap length, with its slot, verdict, ifindex, lengths and ktime into
 * the ring buffer sampler_ring. The sampler's own verdict is always XDP_PASS. The copy is one bpf_xdp_load_bytes
 * (as the DSL program's ctx.LoadBytes). Built for slot 1 of 8, with the ending the loader
 * links onto slot programs (slot_common.h).
 */
#define SLOT 1
#include "slot_common.h"

#define SAMPLER_MAX_SNAPLEN 256
#define SAMPLER_MIN_SNAPLEN 14

/* Entry 0 of sampler_config; all zero (a fresh map) means off. */
struct sampler_config {
	__u32 every;    /* one packet in this many, per CPU; 0: off */
	__u32 snaplen;  /* 0 or above SAMPLER_MAX_SNAPLEN: the maximum; below SAMPLER_MIN_SNAPLEN: the minimum */
	__u32 slot;     /* copied into every record */
	__u32 reserved;
};

/* Entry 0 of the per-CPU sampler_stats. */
struct sampler_counters {
	__u64 position; /* packets since the last sampled one; 0 samples the next */
	__u64 sampled;
	__u64 lost;     /* due for sampling but the ring was full */
};

struct sampler_record {
	__u32 slot;
	__u32 verdict;
	__u32 ifindex;
	__u32 packet_length;
	__u32 captured_length;
	__u32 reserved;
	__u64 ktime_ns;
	__u8 data[SAMPLER_MAX_SNAPLEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct sampler_config);
} sampler_config SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct sampler_counters);
} sampler_stats SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 1 << 20);
} sampler_ring SEC(".maps");

SLOT_BODY int sampler_body(struct xdp_md *ctx)
{
	__u32 key = 0;
	struct sampler_config *config = bpf_map_lookup_elem(&sampler_config, &key);
	if (!config || config->every == 0)
		return XDP_PASS;

	struct sampler_counters *counters = bpf_map_lookup_elem(&sampler_stats, &key);
	if (!counters)
		return XDP_PASS;

	__u64 position = counters->position;
	counters->position = position + 1 >= config->every ? 0 : position + 1;
	if (position != 0)
		return XDP_PASS;

	__u32 snap = config->snaplen == 0 || config->snaplen > SAMPLER_MAX_SNAPLEN ? SAMPLER_MAX_SNAPLEN : config->snaplen;
	if (snap < SAMPLER_MIN_SNAPLEN)
		snap = SAMPLER_MIN_SNAPLEN;
	struct sampler_record *record = bpf_ringbuf_reserve(&sampler_ring, sizeof(*record), 0);
	if (!record) {
		counters->lost++;
		return XDP_PASS;
	}

	__u64 now = bpf_ktime_get_ns(); /* before the frame's pointers are live: clang spills them as u32 otherwise */
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	__u64 length = data_end - data; /* 64-bit: the verifier bounds a 64-bit pointer difference only */
	__u64 captured = length < snap ? length : snap;
	record->slot = config->slot;
	record->verdict = XDP_PASS;
	record->ifindex = ctx->ingress_ifindex;
	record->packet_length = length;
	record->captured_length = captured;
	record->reserved = 0;
	record->ktime_ns = now;
	asm volatile("" : "+r"(captured)); /* keep clang from turning the test below into one on the frame pointers */
	if (captured > 0 && captured <= SAMPLER_MAX_SNAPLEN) /* always; the verifier wants the bounds at the call */
		bpf_xdp_load_bytes(ctx, 0, record->data, captured);
	bpf_ringbuf_submit(record, 0);
	counters->sampled++;
	return XDP_PASS;
}

SLOT_PROGRAM(Sampler, sampler_body)

char LICENSE[] SEC("license") = "GPL";
