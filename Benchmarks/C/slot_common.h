/*
 * What every C twin of a slot program shares: the root array's two maps and the ending the loader links onto a
 * DSL slot program for a (slot, slots) pair (issue 4, decision 1):
 *   verdict = body(ctx); count verdict in row SLOT of root_stats (column 0..4, else 5);
 *   if verdict == XDP_PASS: tail-call SLOT+1 .. ROOT_SLOTS-1 with constant keys; return verdict.
 * Define SLOT (and optionally ROOT_SLOTS, 8 as `attach` uses by default) before including this header.
 */
#ifndef SLOT_COMMON_H
#define SLOT_COMMON_H

#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#ifndef ROOT_SLOTS
#define ROOT_SLOTS 8
#endif

#ifndef SLOT
#error "define SLOT before including slot_common.h"
#endif

/*
 * How the body is compiled: inlined into the program (what C would write, and what the slot linker does; the
 * default), or, with SLOT_BODY_AS_CALL, kept a BPF-to-BPF subprogram (the linker's fallback form, its only form
 * before 82a140d), so the call's cost can be told apart from the code inside the body.
 */
#ifdef SLOT_BODY_AS_CALL
#define SLOT_BODY static __noinline
#else
#define SLOT_BODY static __always_inline
#endif

/* One row of root_stats: XDP_ABORTED .. XDP_REDIRECT, then any other value (Loader/RootArray/VerdictCounters.cs). */
struct verdict_counters {
	__u64 by_verdict[6];
};

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, ROOT_SLOTS);
	__type(key, __u32);
	__type(value, __u32);
} root_slots SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, ROOT_SLOTS + 1);
	__type(key, __u32);
	__type(value, struct verdict_counters);
} root_stats SEC(".maps");

/* Counts the verdict in this slot's row, and on XDP_PASS hands the packet to the later slots in order. */
static __always_inline int slot_return(struct xdp_md *ctx, int verdict)
{
	__u32 row = SLOT;
	struct verdict_counters *counters = bpf_map_lookup_elem(&root_stats, &row);
	if (counters)
		counters->by_verdict[(__u32)verdict <= XDP_REDIRECT ? (__u32)verdict : 5]++;

	if (verdict == XDP_PASS) {
#pragma unroll
		for (__u32 next = SLOT + 1; next < ROOT_SLOTS; next++)
			bpf_tail_call(ctx, &root_slots, next); /* returns only when slot `next` is empty */
	}

	return verdict;
}

/* Defines the XDP program NAME as BODY (a static function of the context) followed by the slot ending. */
#define SLOT_PROGRAM(NAME, BODY)                          \
	SEC("xdp")                                        \
	int NAME(struct xdp_md *ctx)                      \
	{                                                 \
		return slot_return(ctx, BODY(ctx));       \
	}

#endif
