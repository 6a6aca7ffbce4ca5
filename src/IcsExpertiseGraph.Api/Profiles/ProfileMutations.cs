using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Invitations;

namespace IcsExpertiseGraph.Api.Profiles;

/// <summary>
/// Mutations on the caller's own profile, and the endorsements and verifications others give it. Each runs
/// as one transaction, is audited, and returns the changed person with its new version.
/// </summary>
public static class ProfileMutations
{
    public static void AddProfileMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PersonGraphType>>("updateMyProfile")
            .Description("Changes your own profile. With expectedVersion, a profile changed since you read it is refused with CONFLICT.")
            .Argument<NonNullGraphType<UpdateProfileInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                var (changes, expectedVersion) = UpdateProfileInputGraphType.Read(c.GetArgument<Dictionary<string, object?>>("input"));
                // Email links sign-ins and imports to profiles, so only an address the identity provider has verified may be set.
                if (changes.Email is { IsSet: true, Value: { } email }
                    && (c.Request().Identity is not { EmailVerified: true, Email: { } verified } || !string.Equals(email, verified, StringComparison.OrdinalIgnoreCase)))
                {
                    throw new BadUserInputError("email", "Your email can only be the verified address you sign in with (or null, to hide it from your profile).");
                }

                return await Me.WriteAsync(c, (store, me, now, ct) => store.UpdateProfileAsync(me, changes, expectedVersion, me, now, ct));
            });

        mutation.Field<NonNullGraphType<PersonGraphType>>("confirmMyProfile")
            .Description("Says your profile is still current (sets lastConfirmedAt); fresh profiles rank higher.")
            .ResolveAsync(async c =>
            {
                return await Me.WriteAsync(c, (store, me, now, ct) => store.ConfirmProfileAsync(me, me, now, ct));
            });

        mutation.Field<NonNullGraphType<PersonGraphType>>("setMySkill")
            .Description("Adds a skill to your profile, or changes its level, evidence or years. A changed claim is no longer verified.")
            .Argument<NonNullGraphType<SetSkillInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                var claim = c.GetArgument<SetSkillInput>("input").ToClaim();
                return await Me.WriteAsync(c, (store, me, now, ct) => store.SetSkillAsync(me, claim, me, now, ct));
            });

        mutation.Field<NonNullGraphType<PersonGraphType>>("removeMySkill")
            .Description("Removes a skill (and its endorsements) from your profile.")
            .Argument<NonNullGraphType<IdGraphType>>("skillId")
            .ResolveAsync(async c =>
            {
                var skillId = c.IdArgument("Skill", "skillId");
                return await Me.WriteAsync(c, (store, me, now, ct) => store.RemoveSkillAsync(me, skillId, me, now, ct));
            });

        mutation.Field<NonNullGraphType<PersonGraphType>>("endorseSkill")
            .Description("Vouches for a colleague's skill: not your own, once per person and skill, and only a skill they list. Returns the colleague.")
            .Argument<NonNullGraphType<IdGraphType>>("personId")
            .Argument<NonNullGraphType<IdGraphType>>("skillId")
            .ResolveAsync(async c =>
            {
                var personId = c.IdArgument("Person", "personId");
                var skillId = c.IdArgument("Skill", "skillId");
                var me = await Me.PersonIdAsync(c);
                var request = c.Request();
                if ((await request.Store.GetPeopleAsync([personId], request.Viewer, c.CancellationToken)).Count == 0)
                {
                    throw new NotFoundException("personId", "There is no person with that id that you may see.");
                }

                var person = await request.Store.EndorseSkillAsync(me, personId, skillId, Me.Now(c), c.CancellationToken);
                await Me.AfterWriteAsync(c);
                return person;
            });

        mutation.Field<NonNullGraphType<PersonGraphType>>("verifySkill")
            .Description("Network managers: confirms another person's claimed skill after checking its evidence.")
            .Argument<NonNullGraphType<IdGraphType>>("personId")
            .Argument<NonNullGraphType<IdGraphType>>("skillId")
            .ResolveAsync(async c =>
            {
                Access.RequireNetworkManager(c);
                var personId = c.IdArgument("Person", "personId");
                var skillId = c.IdArgument("Skill", "skillId");
                var me = await Me.PersonIdAsync(c);
                if (personId == me)
                {
                    throw new BadUserInputError("personId", "Another network manager must verify your own skills.");
                }

                var request = c.Request();
                if ((await request.Store.GetPeopleAsync([personId], request.Viewer, c.CancellationToken)).Count == 0)
                {
                    throw new NotFoundException("personId", "There is no person with that id that you may see.");
                }

                return await Me.WriteAsync(c, (store, actor, now, ct) => store.VerifySkillAsync(personId, skillId, actor, now, ct));
            });
    }
}
