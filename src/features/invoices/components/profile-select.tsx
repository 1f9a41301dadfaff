"use client";

/**
 * The filter's billing-profile list. A client component for the page's weight
 * only: an account can hold a hundred profiles, and its props (id and name
 * each) are a third of what a server-rendered list of <option> elements adds
 * to the RSC payload. It stays a plain <select> of the GET form.
 */
export function ProfileSelect({
  profiles,
  value,
  allLabel,
}: {
  profiles: { id: string; name: string }[];
  value: string;
  allLabel: string;
}) {
  return (
    <select name="profile" defaultValue={value} className="filter-control">
      <option value="">{allLabel}</option>
      {profiles.map((profile) => (
        <option key={profile.id} value={profile.id}>
          {profile.name}
        </option>
      ))}
    </select>
  );
}
