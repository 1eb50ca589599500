; The seed's egress1, bug included: it null-checks ctx (r6) instead of the looked-up value (r0).
; The verifier must refuse the store through a pointer that may be NULL.
    r6 = r1
    r1 = 0
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
