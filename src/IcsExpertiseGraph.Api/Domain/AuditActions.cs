namespace IcsExpertiseGraph.Api.Domain;

/// <summary>
/// The names of the audit trail's actions (<c>me { auditTrail { action } }</c>), in one place: the rules that decide a
/// write name its event with these, and both stores write what the rules name.
/// </summary>
public static class AuditActions
{
    public const string LinkIdentity = "LINK_IDENTITY";
    public const string CreateProfile = "CREATE_PROFILE";
    public const string UpdateProfile = "UPDATE_PROFILE";
    public const string ConfirmProfile = "CONFIRM_PROFILE";
    public const string DeleteProfile = "DELETE_PROFILE";
    public const string ImportCreate = "IMPORT_CREATE";
    public const string ImportUpdate = "IMPORT_UPDATE";
    public const string SetSkill = "SET_SKILL";
    public const string RemoveSkill = "REMOVE_SKILL";
    public const string EndorseSkill = "ENDORSE_SKILL";
    public const string VerifySkill = "VERIFY_SKILL";
    public const string AddContribution = "ADD_CONTRIBUTION";
    public const string RemoveContribution = "REMOVE_CONTRIBUTION";
    public const string CreateProject = "CREATE_PROJECT";
    public const string UpdateProject = "UPDATE_PROJECT";
    public const string RequestToJoin = "REQUEST_TO_JOIN";
    public const string AddToProject = "ADD_TO_PROJECT";
    public const string ApproveJoinRequest = "APPROVE_JOIN_REQUEST";
    public const string DeclineJoinRequest = "DECLINE_JOIN_REQUEST";
    public const string WithdrawJoinRequest = "WITHDRAW_JOIN_REQUEST";
    public const string ConfirmProjectAddition = "CONFIRM_PROJECT_ADDITION";
    public const string DeclineProjectAddition = "DECLINE_PROJECT_ADDITION";
    public const string WithdrawProjectAddition = "WITHDRAW_PROJECT_ADDITION";
    public const string HandOverLead = "HAND_OVER_LEAD";
    public const string AssignLead = "ASSIGN_LEAD";
    public const string RecordNetworkManager = "RECORD_NETWORK_MANAGER";
    public const string DropNetworkManager = "DROP_NETWORK_MANAGER";
    public const string CreateOrganisation = "CREATE_ORGANISATION";
    public const string UpdateOrganisation = "UPDATE_ORGANISATION";
    public const string InviteExpert = "INVITE_EXPERT";
    public const string AcceptInvitation = "ACCEPT_INVITATION";
    public const string DeclineInvitation = "DECLINE_INVITATION";
    public const string WithdrawInvitation = "WITHDRAW_INVITATION";
    public const string ExpireInvitation = "EXPIRE_INVITATION";
    public const string LinkInvitationProject = "LINK_INVITATION_PROJECT";
}

