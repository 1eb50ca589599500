// SPDX-License-Identifier: GPL-2.0
/*
 * The C twin of the root program, Loader/RootArray/xdp_root.s and Programs/RootArray/XdpRoot.cs as RootProgramLinker
 * links it (expanded for ROOT_SLOTS slots, 8 as `attach` uses by default):
 * sanity checks, then tail calls into slots 0 .. ROOT_SLOTS-1 with constant keys; the root's own verdict is counted
 * in row ROOT_SLOTS of root_stats (one u64 per verdict, ABORTED 0 .. REDIRECT 4, then "invalid").
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#ifndef ROOT_SLOTS
#define ROOT_SLOTS 8
#endif

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

static __always_inline int count(int verdict)
{
	__u32 row = ROOT_SLOTS;
	struct verdict_counters *counters = bpf_map_lookup_elem(&root_stats, &row);
	if (counters)
		counters->by_verdict[verdict]++;
	return verdict;
}

/* 1: TCP, UDP or ICMP(v6): the slots see it; 0: not ours, pass; -1: malformed, abort. */
static __always_inline int classify(void *data, void *data_end)
{
	struct ethhdr *eth = data;
	if ((void *)(eth + 1) > data_end)
		return -1;

	if (eth->h_proto == bpf_htons(ETH_P_IP)) {
		struct iphdr *ip = (void *)(eth + 1);
		if ((void *)(ip + 1) > data_end || ip->version != 4 || ip->ihl < 5)
			return -1;
		if ((void *)ip + ip->ihl * 4 > data_end)
			return -1;
		return ip->protocol == IPPROTO_TCP || ip->protocol == IPPROTO_UDP || ip->protocol == IPPROTO_ICMP;
	}

	if (eth->h_proto == bpf_htons(ETH_P_IPV6)) {
		struct ipv6hdr *ip6 = (void *)(eth + 1);
		if ((void *)(ip6 + 1) > data_end || ip6->version != 6)
			return -1;
		return ip6->nexthdr == IPPROTO_TCP || ip6->nexthdr == IPPROTO_UDP || ip6->nexthdr == IPPROTO_ICMPV6;
	}

	return 0;
}

/* Inlined (what C would write), or with ROOT_BODY_AS_CALL a BPF-to-BPF subprogram, RootProgramLinker's fallback form. */
#ifdef ROOT_BODY_AS_CALL
static __noinline
#else
static __always_inline
#endif
int classify_frame(struct xdp_md *ctx)
{
	return classify((void *)(long)ctx->data, (void *)(long)ctx->data_end);
}

SEC("xdp")
int xdp_root(struct xdp_md *ctx)
{
	int kind = classify_frame(ctx);
	if (kind < 0)
		return count(XDP_ABORTED);
	if (kind == 0)
		return count(XDP_PASS);

#pragma unroll
	for (__u32 slot = 0; slot < ROOT_SLOTS; slot++)
		bpf_tail_call(ctx, &root_slots, slot); /* returns only when the slot is empty */

	return count(XDP_PASS);
}

char LICENSE[] SEC("license") = "GPL";
