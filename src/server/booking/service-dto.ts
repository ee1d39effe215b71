import type { bookingServices } from "../db/schema/booking";
import type { PublicService, Service } from "./schemas";

type Row = typeof bookingServices.$inferSelect;

export function toService(r: Row): Service {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    durationMinutes: r.durationMinutes,
    bufferBeforeMinutes: r.bufferBeforeMinutes,
    bufferAfterMinutes: r.bufferAfterMinutes,
    priceCents: r.priceCents,
    currency: r.currency,
    locationType: r.locationType,
    location: r.location,
    color: r.color,
    active: r.active,
  };
}

export function toPublicService(r: Row): PublicService {
  const { bufferBeforeMinutes: _b, bufferAfterMinutes: _a, active: _x, ...rest } = toService(r);
  return rest;
}
