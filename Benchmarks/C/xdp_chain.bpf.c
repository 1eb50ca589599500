// SPDX-License-Identifier: GPL-2.0
/* The C twin of Programs/TailChain/XdpChain.cs: three XDP stages chained by tail calls. */
#include "tail_chain_common.h"

SEC("xdp")
int Xdp1(struct xdp_md *ctx)
{
	__u32 key = 0;
	struct tail_context *shared = bpf_map_lookup_elem(&tail_context_map, &key);
	if (!shared)
		return XDP_PASS;

	*shared = (struct tail_context){};
	shared->value_from1 = FIRST_VALUE;
	bpf_tail_call(ctx, &tail_programs, SLOT_SECOND);
	return XDP_DROP;
}

SEC("xdp")
int Xdp2(struct xdp_md *ctx)
{
	__u32 key = 0;
	struct tail_context *shared = bpf_map_lookup_elem(&tail_context_map, &key);
	if (!shared)
		return XDP_PASS;

	shared->value_from2 = SECOND_VALUE;
	bpf_tail_call(ctx, &tail_programs, SLOT_THIRD);
	return XDP_DROP;
}

SEC("xdp")
int Xdp3(struct xdp_md *ctx)
{
	__u32 key = 0;
	struct tail_context *shared = bpf_map_lookup_elem(&tail_context_map, &key);
	if (!shared)
		return XDP_PASS;

	bpf_printk("[xdp3] first=%d second=%d", shared->value_from1, shared->value_from2);
	return shared->value_from1 == FIRST_VALUE && shared->value_from2 == SECOND_VALUE ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
