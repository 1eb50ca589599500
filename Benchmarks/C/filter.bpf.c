// SPDX-License-Identifier: GPL-2.0
/*
 * The C twin of Programs/Filter (`[XdpSlot(0)] Filter`), behaving as ecbpf's xdp_filter (issue 4, decision 4):
 * per-interface config, IPv4/IPv6 LPM drop tries keyed by source, nine per-CPU counters, and an ICMP
 * "fragmentation needed" reply (XDP_TX) to first fragments, rate limited across CPUs. Built for slot 0 of 8, with
 * the ending the loader links onto slot programs (slot_common.h).
 */
#define SLOT 0
#include "slot_common.h"

#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <bpf/bpf_endian.h>

#define IP_RF 0x8000      /* the evil bit */
#define IP_MF 0x2000
#define IP_OFFMASK 0x1fff
#define PTB_HEAD ((int)(sizeof(struct icmp_frag_needed) + sizeof(struct iphdr)))
#define PTB_ICMP_BYTES 36 /* ICMP header + quoted IP header + 8 payload bytes: what the ICMP checksum covers */
#define NS_PER_SECOND 1000000000ULL
#define ICMP_DEST_UNREACH 3
#define ICMP_FRAG_NEEDED 4

/* The ICMP header of a "fragmentation needed" message (linux/icmp.h drags in user-space socket headers). */
struct icmp_frag_needed {
	__u8 type;
	__u8 code;
	__u16 checksum;
	__u16 unused;
	__u16 mtu;
};

struct filter_config {
	__u8 frags_drop;
	__u8 ptb_send;
	__u16 reserved;
	__u32 ptb_max_pps;
};

/* The nine counters of ARCHITECTURE.md, in its order. */
struct filter_stats {
	__u64 eth_frame_err;
	__u64 ip_header_err;
	__u64 ip6_header_err;
	__u64 ip_drop_count;
	__u64 ip6_drop_count;
	__u64 ip_frag_drop_count;
	__u64 ptb_sent_count;
	__u64 ptb_err_count;
	__u64 ptb_mem_err_count;
};

/* The PTB rate window shared by every CPU: (second << 32) | replies granted in that second, updated with atomics. */
struct filter_ptb_window {
	__u64 second_and_count;
};

struct filter_drop4_key {
	__u32 prefix_len;
	__u8 address[4];
};

struct filter_drop6_key {
	__u32 prefix_len;
	__u8 address[16];
};

/* The kernel never reads the value: user space prints the tag and the time it was added. */
struct filter_drop_tag {
	__u64 text[4];
	__u64 load_time;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct filter_config);
} filter_config SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(max_entries, 8192);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, struct filter_drop4_key);
	__type(value, struct filter_drop_tag);
} filter_drop4 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(max_entries, 8192);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, struct filter_drop6_key);
	__type(value, struct filter_drop_tag);
} filter_drop6 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct filter_stats);
} filter_stats SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct filter_ptb_window);
} filter_ptb SEC(".maps");

/* bpf_csum_diff's sum (16-bit folded since 6.13, a 32-bit accumulator before) as a checksum field. */
static __always_inline __u16 fold_checksum(__s64 sum)
{
	__u64 folded = (__u64)sum & 0xffffffff;
	folded = (folded & 0xffff) + (folded >> 16);
	folded = (folded & 0xffff) + (folded >> 16);
	return (__u16)~folded;
}

/*
 * At most max_pps grants per second of bpf_ktime_get_ns, across CPUs: the first grant of a new second swaps the
 * window in with a compare-exchange; later ones count with a fetch-add while below the limit in that second.
 */
static __always_inline int ptb_allowed(__u32 max_pps)
{
	__u32 key = 0;
	struct filter_ptb_window *window = bpf_map_lookup_elem(&filter_ptb, &key);
	if (!window || max_pps == 0)
		return 0;

	__u64 second = bpf_ktime_get_ns() / NS_PER_SECOND;
	__u64 seen = window->second_and_count;
	if (seen >> 32 != second &&
	    __sync_val_compare_and_swap(&window->second_and_count, seen, (second << 32) | 1) == seen)
		return 1;

	__u64 before = __sync_fetch_and_add(&window->second_and_count, 1);
	return before >> 32 == second && (before & 0xffffffff) < max_pps;
}

/* The 70-byte reply: Ethernet, IPv4, ICMP type 3 code 4, the fragment's IPv4 header and 8 payload bytes. */
struct ptb_reply {
	struct ethhdr eth;
	struct iphdr ip;
	struct icmp_frag_needed icmp;
	struct iphdr quoted;
	__u8 quoted_data[8];
} __attribute__((packed));

/* Rewrites the first fragment in place into the reply (28 bytes pushed in front, the rest trimmed): XDP_TX. */
static __always_inline int send_packet_too_big(struct xdp_md *ctx, struct filter_stats *stats, __u16 mtu)
{
	void *data = (void *)(long)ctx->data;
	struct ethhdr *eth = data;
	if ((void *)(eth + 1) > (void *)(long)ctx->data_end) {
		stats->ptb_mem_err_count++;
		return XDP_ABORTED;
	}

	struct ethhdr received = *eth;
	int received_length = (int)(ctx->data_end - ctx->data);
	if (bpf_xdp_adjust_head(ctx, -PTB_HEAD)) {
		stats->ptb_mem_err_count++;
		return XDP_ABORTED;
	}

	int trim = (int)sizeof(struct ptb_reply) - PTB_HEAD - received_length;
	if (trim != 0 && bpf_xdp_adjust_tail(ctx, trim)) {
		stats->ptb_mem_err_count++;
		return XDP_ABORTED;
	}

	struct ptb_reply *reply = (void *)(long)ctx->data;
	if ((void *)(reply + 1) > (void *)(long)ctx->data_end) {
		stats->ptb_mem_err_count++;
		return XDP_ABORTED;
	}

	__builtin_memcpy(reply->eth.h_dest, received.h_source, ETH_ALEN);
	__builtin_memcpy(reply->eth.h_source, received.h_dest, ETH_ALEN);
	reply->eth.h_proto = bpf_htons(ETH_P_IP);

	reply->ip.version = 4;
	reply->ip.ihl = 5;
	reply->ip.tos = 0;
	reply->ip.tot_len = bpf_htons(sizeof(struct ptb_reply) - ETH_HLEN);
	reply->ip.id = 0;
	reply->ip.frag_off = 0;
	reply->ip.ttl = 64;
	reply->ip.protocol = IPPROTO_ICMP;
	reply->ip.check = 0;
	reply->ip.saddr = reply->quoted.daddr;
	reply->ip.daddr = reply->quoted.saddr;
	reply->ip.check = fold_checksum(bpf_csum_diff(0, 0, (void *)reply + ETH_HLEN, sizeof(struct iphdr), 0));

	reply->icmp.type = ICMP_DEST_UNREACH;
	reply->icmp.code = ICMP_FRAG_NEEDED;
	reply->icmp.checksum = 0;
	reply->icmp.mtu = bpf_htons(mtu);
	reply->icmp.checksum = fold_checksum(bpf_csum_diff(0, 0, (void *)reply + ETH_HLEN + sizeof(struct iphdr), PTB_ICMP_BYTES, 0));

	stats->ptb_sent_count++;
	return XDP_TX;
}

static __always_inline int filter_ipv4(struct xdp_md *ctx, struct iphdr *ip, void *data_end,
				       struct filter_config *config, struct filter_stats *stats)
{
	if ((void *)(ip + 1) > data_end) {
		stats->eth_frame_err++;
		return XDP_ABORTED;
	}
	if (*(__u8 *)ip != 0x45) {
		stats->ip_header_err++; /* options (or not IPv4 at all) */
		return XDP_DROP;
	}

	int total_length = bpf_ntohs(ip->tot_len);
	if (total_length + ETH_HLEN > (int)(ctx->data_end - ctx->data)) {
		stats->ip_header_err++;
		return XDP_ABORTED;
	}

	int flags = bpf_ntohs(ip->frag_off);
	if (flags & IP_RF) {
		stats->ip_header_err++; /* the evil bit (RFC 3514) */
		return XDP_DROP;
	}

	struct filter_drop4_key key = { .prefix_len = 32 };
	__builtin_memcpy(key.address, &ip->saddr, sizeof(key.address));
	if (bpf_map_lookup_elem(&filter_drop4, &key)) {
		stats->ip_drop_count++;
		return XDP_DROP;
	}

	if (!config->frags_drop || (flags & (IP_MF | IP_OFFMASK)) == 0)
		return XDP_PASS;

	stats->ip_frag_drop_count++;
	if (!config->ptb_send || (flags & (IP_MF | IP_OFFMASK)) != IP_MF)
		return XDP_DROP;

	int payload = total_length - (int)sizeof(struct iphdr);
	if (payload < 8 || (payload & 7) != 0) {
		stats->ip_header_err++; /* a first fragment's payload is a non-zero multiple of 8 */
		return XDP_DROP;
	}
	if (!ptb_allowed(config->ptb_max_pps)) {
		stats->ptb_err_count++;
		return XDP_DROP;
	}

	return send_packet_too_big(ctx, stats, (__u16)total_length);
}

static __always_inline int filter_ipv6(struct xdp_md *ctx, struct ipv6hdr *ip6, void *data_end, struct filter_stats *stats)
{
	if ((void *)(ip6 + 1) > data_end) {
		stats->eth_frame_err++;
		return XDP_ABORTED;
	}
	if (bpf_ntohs(ip6->payload_len) + (int)sizeof(*ip6) + ETH_HLEN > (int)(ctx->data_end - ctx->data)) {
		stats->ip6_header_err++;
		return XDP_ABORTED;
	}

	struct filter_drop6_key key = { .prefix_len = 128 };
	__builtin_memcpy(key.address, &ip6->saddr, sizeof(key.address));
	if (bpf_map_lookup_elem(&filter_drop6, &key)) {
		stats->ip6_drop_count++;
		return XDP_DROP;
	}

	return XDP_PASS;
}

SLOT_BODY int filter_body(struct xdp_md *ctx)
{
	__u32 key = 0;
	struct filter_config *config = bpf_map_lookup_elem(&filter_config, &key);
	struct filter_stats *stats = bpf_map_lookup_elem(&filter_stats, &key);
	if (!config || !stats)
		return XDP_PASS; /* never drop on an internal failure */

	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	if ((void *)(eth + 1) > data_end) {
		stats->eth_frame_err++;
		return XDP_ABORTED;
	}

	if (eth->h_proto == bpf_htons(ETH_P_IPV6))
		return filter_ipv6(ctx, (void *)(eth + 1), data_end, stats);
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	return filter_ipv4(ctx, (void *)(eth + 1), data_end, config, stats);
}

SLOT_PROGRAM(Filter, filter_body)

char LICENSE[] SEC("license") = "GPL";
