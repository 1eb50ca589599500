; The seed's egress1, bug included: it null-checks ctx (r6) instead of the looked-up value (r0).
; Kernels since about 6.14 prove that an ARRAY lookup with a constant in-range key never yields NULL and
; accept the seed as written; here the key comes from the packet (skb->len), so the verifier cannot know
; it is in range and must refuse the store through a pointer that may be NULL.
    r6 = r1
    r1 = *(u32 *)(r6 + 0)           ; key = skb->len: unknown to the verifier
    *(u32 *)(r10 - 4) = r1
    r2 = r10
    r2 += -4
    r1 = map[tail_context_map] ll
    call 1                          ; bpf_map_lookup_elem
    if r6 == 0 goto fallback        ; BUG: checks ctx
    r1 = 0
    *(u16 *)(r0 + 0) = r1           ; r0 may be NULL here
    r0 = 1
    exit
fallback:
    r0 = 1
    exit
